package org.trustml.core.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The header of an NPY file: the magic {@code \x93NUMPY}, the version (1.0, 2.0 or 3.0), the length of
 * the header text (uint16 little-endian for 1.0, uint32 for 2.0 and 3.0), then the text itself, a Python
 * dict literal with {@code descr}, {@code fortran_order} and {@code shape}.
 *
 * @param majorVersion 1, 2 or 3
 * @param dtype the element type
 * @param fortranOrder whether the data is stored column-major
 * @param shape the dimensions, outermost first; empty for a 0-d scalar
 * @param dataOffset the byte offset where the data starts
 */
public record NpyHeader(int majorVersion, NpyDtype dtype, boolean fortranOrder, int[] shape, long dataOffset) {

  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  /** numpy itself refuses headers over 10 kB by default; far more than that is a corrupt length. */
  private static final long MAX_HEADER_LENGTH = 1 << 20;

  private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");

  /** The number of data bytes that must follow the header. */
  public long dataBytes() {
    return Shapes.byteCount(shape, dtype.size());
  }

  /**
   * Reads and checks a header from the start of a stream.
   *
   * @throws org.trustml.core.web.ProblemException {@code malformed-npy} with the {@code offset} and
   *     header {@code field}, or {@code unsupported-format} for a well-formed header of a dtype this
   *     package does not load (structured, complex, strings, objects)
   */
  public static NpyHeader read(InputStream in) throws IOException {
    return read(new BinaryInput(in, Problems.MALFORMED_NPY));
  }

  static NpyHeader read(BinaryInput in) throws IOException {
    for (int i = 0; i < MAGIC.length; i++) {
      int b = next(in, "magic");
      if (b != (MAGIC[i] & 0xff)) {
        throw Problems.binary(
            Problems.MALFORMED_NPY,
            String.format("not an NPY file: the magic must be \\x93NUMPY, found byte 0x%02x", b),
            i,
            "magic");
      }
    }
    int major = next(in, "version");
    int minor = next(in, "version");
    if (major < 1 || major > 3) {
      throw Problems.binary(
          Problems.MALFORMED_NPY, "unsupported format version " + major + "." + minor + " (1.0, 2.0, 3.0 are)", 6,
          "version");
    }
    if (minor != 0) {
      throw Problems.binary(
          Problems.MALFORMED_NPY, "unsupported format version " + major + "." + minor + " (1.0, 2.0, 3.0 are)", 7,
          "version");
    }
    long headerLength = next(in, "header_len") | next(in, "header_len") << 8;
    if (major >= 2) {
      headerLength |= (long) next(in, "header_len") << 16 | (long) next(in, "header_len") << 24;
    }
    if (headerLength == 0 || headerLength > MAX_HEADER_LENGTH) {
      throw Problems.binary(
          Problems.MALFORMED_NPY, "implausible header length " + headerLength, 8, "header_len");
    }
    long textStart = in.offset();
    byte[] raw = new byte[(int) headerLength];
    int got = in.readFully(raw, 0, raw.length);
    if (got < raw.length) {
      throw Problems.binary(
          Problems.MALFORMED_NPY,
          "the file ended inside the header: its length says " + headerLength + " bytes but only " + got + " follow",
          in.offset(),
          "header");
    }
    String text = decode(raw, major, textStart);
    return interpret(text, major, textStart, in.offset());
  }

  private static String decode(byte[] raw, int major, long textStart) {
    if (major < 3) {
      return new String(raw, StandardCharsets.ISO_8859_1); // versions 1 and 2 are latin-1 by definition
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(raw))
          .toString();
    } catch (CharacterCodingException e) {
      throw Problems.binary(Problems.MALFORMED_NPY, "the version 3.0 header is not valid UTF-8", textStart, "header");
    }
  }

  private static NpyHeader interpret(String text, int major, long textStart, long dataOffset) {
    Map<String, PyLiteralParser.Node> dict;
    try {
      dict = PyLiteralParser.parseDict(text);
    } catch (PyLiteralParser.SyntaxError e) {
      throw Problems.binary(
          Problems.MALFORMED_NPY,
          "header: " + e.getMessage(),
          offsetOf(text, e.at, major, textStart),
          e.key == null ? "header" : e.key);
    }
    for (Map.Entry<String, PyLiteralParser.Node> entry : dict.entrySet()) {
      if (!KEYS.contains(entry.getKey())) {
        throw Problems.binary(
            Problems.MALFORMED_NPY,
            "header: unknown key '" + entry.getKey() + "' (expected descr, fortran_order, shape)",
            offsetOf(text, entry.getValue().at(), major, textStart),
            entry.getKey());
      }
    }
    for (String k : List.of("descr", "fortran_order", "shape")) {
      if (!dict.containsKey(k)) {
        throw Problems.binary(Problems.MALFORMED_NPY, "header: the key '" + k + "' is missing", textStart, k);
      }
    }
    NpyDtype dtype = dtype(dict.get("descr"), text, major, textStart);
    PyLiteralParser.Node order = dict.get("fortran_order");
    if (!(order.value() instanceof Boolean fortran)) {
      throw Problems.binary(
          Problems.MALFORMED_NPY, "header: fortran_order must be True or False",
          offsetOf(text, order.at(), major, textStart), "fortran_order");
    }
    int[] shape = shape(dict.get("shape"), text, major, textStart);
    NpyHeader header = new NpyHeader(major, dtype, fortran, shape, dataOffset);
    if (header.dataBytes() < 0) {
      throw Problems.binary(
          Problems.MALFORMED_NPY, "header: shape " + Shapes.format(shape) + " is too large",
          offsetOf(text, dict.get("shape").at(), major, textStart), "shape");
    }
    return header;
  }

  private static NpyDtype dtype(PyLiteralParser.Node node, String text, int major, long textStart) {
    long at = offsetOf(text, node.at(), major, textStart);
    if (node.value() instanceof List) {
      throw Problems.unsupported("NPY files of structured dtypes (a list as descr) are not supported")
          .with("offset", at)
          .with("field", "descr");
    }
    if (!(node.value() instanceof String descr)) {
      throw Problems.binary(Problems.MALFORMED_NPY, "header: descr must be a string", at, "descr");
    }
    return NpyDtype.parse(descr)
        .orElseThrow(
            () ->
                Problems.unsupported(
                        "NPY dtype '" + descr + "' is not supported (b1, i1, i2, i4, i8, u1, u2, u4, u8, f4, f8 are)")
                    .with("offset", at)
                    .with("field", "descr"));
  }

  private static int[] shape(PyLiteralParser.Node node, String text, int major, long textStart) {
    if (!(node.value() instanceof List<?> items)) {
      throw Problems.binary(
          Problems.MALFORMED_NPY, "header: shape must be a tuple of integers",
          offsetOf(text, node.at(), major, textStart), "shape");
    }
    int[] shape = new int[items.size()];
    for (int i = 0; i < shape.length; i++) {
      PyLiteralParser.Node item = (PyLiteralParser.Node) items.get(i);
      long at = offsetOf(text, item.at(), major, textStart);
      if (!(item.value() instanceof Long dim) || dim < 0) {
        throw Problems.binary(
            Problems.MALFORMED_NPY, "header: shape[" + i + "] must be a non-negative integer", at, "shape");
      }
      if (dim > Integer.MAX_VALUE) {
        throw Problems.tooLarge("NPY dimension " + dim + " is larger than " + Integer.MAX_VALUE)
            .with("offset", at)
            .with("field", "shape");
      }
      shape[i] = (int) (long) dim;
    }
    return shape;
  }

  /** The file offset of a character of the header text (latin-1 is a byte a char; UTF-8 is not). */
  private static long offsetOf(String text, int charIndex, int major, long textStart) {
    int index = Math.min(charIndex, text.length());
    if (major < 3) {
      return textStart + index;
    }
    return textStart + text.substring(0, index).getBytes(StandardCharsets.UTF_8).length;
  }

  private static int next(BinaryInput in, String field) throws IOException {
    long at = in.offset();
    int b = in.read();
    if (b < 0) {
      throw Problems.binary(
          Problems.MALFORMED_NPY, "the file ended inside the header (" + at + " bytes)", at, field);
    }
    return b;
  }
}

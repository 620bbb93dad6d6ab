package org.trustml.core.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import org.trustml.core.web.ProblemException;

/** The file formats the dataset registry accepts, with their media types and detection. */
public enum DatasetFormat {
  /** Comma (or otherwise) separated values with a header row, RFC 4180. */
  CSV("text/csv"),
  /** LeCun's IDX arrays (MNIST), optionally gzip-compressed. */
  IDX("application/x-idx"),
  /** numpy's {@code .npy} arrays. */
  NPY("application/x-npy"),
  /**
   * Labelled images as one ZIP archive laid out as torchvision's ImageFolder: {@code <class>/<image>} (PNG or JPEG),
   * optionally all under one top-level folder; see {@link ImageFolderArchive}.
   */
  IMAGE_FOLDER("application/zip");

  /** Bytes of content that {@link #fromMagic} looks at. */
  public static final int MAGIC_BYTES = 8;

  private static final byte[] NPY_MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  /** A ZIP archive starts with a local file header, or (with no entry at all) the end of its central directory. */
  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
  private static final byte[] EMPTY_ZIP_MAGIC = {'P', 'K', 5, 6};

  private final String mediaType;

  DatasetFormat(String mediaType) {
    this.mediaType = mediaType;
  }

  /** The media type, e.g. {@code text/csv}. */
  public String mediaType() {
    return mediaType;
  }

  /** The API's spelling: {@code csv}, {@code idx}, {@code npy}, {@code image-folder}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The usual file extension of a stored dataset, without the dot: {@code zip} for an image folder. */
  public String fileExtension() {
    return this == IMAGE_FOLDER ? "zip" : id();
  }

  /** The format of an {@link #id()} (case-insensitive; {@code image_folder} also reads). */
  public static Optional<DatasetFormat> fromId(String id) {
    if (id == null) {
      return Optional.empty();
    }
    String bare = id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (DatasetFormat f : values()) {
      if (f.id().equals(bare)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** The format of a media type (parameters such as {@code ;charset=utf-8} are ignored). */
  public static Optional<DatasetFormat> fromMediaType(String mediaType) {
    if (mediaType == null) {
      return Optional.empty();
    }
    String bare = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    for (DatasetFormat f : values()) {
      if (f.mediaType.equals(bare)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /**
   * The format a file name implies, ignoring a trailing {@code .gz}: {@code .csv}, {@code .tsv},
   * {@code .txt}, {@code .data} are CSV; {@code .idx}, {@code .idx3}, names ending in {@code -ubyte}
   * ({@code train-images-idx3-ubyte}, {@code x.idx3-ubyte}) are IDX; {@code .npy} is NPY; {@code .zip} is an
   * image folder.
   */
  public static Optional<DatasetFormat> fromFileName(String fileName) {
    if (fileName == null) {
      return Optional.empty();
    }
    String name = baseName(fileName).toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt") || name.endsWith(".data")) {
      return Optional.of(CSV);
    }
    if (name.endsWith(".npy")) {
      return Optional.of(NPY);
    }
    if (name.endsWith(".zip")) {
      return Optional.of(IMAGE_FOLDER);
    }
    if (name.endsWith("-ubyte") || name.matches(".*\\.idx\\d?")) {
      return Optional.of(IDX);
    }
    return Optional.empty();
  }

  /**
   * The binary format announced by the first bytes of the (already decompressed) content: the NPY magic
   * {@code \x93NUMPY}, the ZIP magic {@code PK\3\4} (or {@code PK\5\6} of an empty archive) for an image
   * folder, or an IDX header {@code 00 00 <type> <dims>} with a known type code and at least one dimension.
   * Text (CSV) has no magic, so this never returns CSV.
   */
  public static Optional<DatasetFormat> fromMagic(byte[] head) {
    if (startsWith(head, NPY_MAGIC)) {
      return Optional.of(NPY);
    }
    if (startsWith(head, ZIP_MAGIC) || startsWith(head, EMPTY_ZIP_MAGIC)) {
      return Optional.of(IMAGE_FOLDER);
    }
    if (head.length >= 4 && head[0] == 0 && head[1] == 0 && IdxType.fromCode(head[2] & 0xff).isPresent()
        && (head[3] & 0xff) >= 1) {
      return Optional.of(IDX);
    }
    return Optional.empty();
  }

  /**
   * Detects the format from the first bytes and the file name. A binary magic wins; then the file name;
   * then content without a name (or with no extension) that looks like text is CSV. {@code head} is the
   * start of the content; if it is gzip-compressed the name decides, and a gzip stream with no telling
   * name is taken for IDX (the format customarily shipped gzipped). Prefer {@link #detect(String,
   * InputStream)}, which looks inside gzip.
   *
   * @throws org.trustml.core.web.ProblemException {@code unsupported-format} if nothing fits
   */
  public static DatasetFormat detect(String fileName, byte[] head) {
    Optional<DatasetFormat> magic = fromMagic(head);
    if (magic.isPresent()) {
      return magic.get();
    }
    Optional<DatasetFormat> byName = fromFileName(fileName);
    if (byName.isPresent()) {
      return byName.get();
    }
    if (Decompression.isGzip(head)) {
      if (hasExtension(fileName) && !baseName(fileName).toLowerCase(Locale.ROOT).endsWith(".gz")) {
        throw unsupported(fileName);
      }
      return IDX;
    }
    if (!hasExtension(fileName) && looksLikeText(head)) {
      return CSV;
    }
    throw unsupported(fileName);
  }

  /**
   * Detects the format of a stream without consuming it: peeks at the first bytes, inside the gzip
   * compression if there is one, then decides as {@link #detect(String, byte[])}.
   *
   * @param in a stream supporting mark/reset (see {@link Decompression#gunzipIfNeeded})
   */
  public static DatasetFormat detect(String fileName, InputStream in) throws IOException {
    if (!in.markSupported()) {
      throw new IllegalArgumentException("detection needs a stream that supports mark/reset");
    }
    byte[] head = Decompression.peekContent(in, 64);
    Optional<DatasetFormat> magic = fromMagic(head);
    if (magic.isPresent()) {
      return magic.get();
    }
    Optional<DatasetFormat> byName = fromFileName(fileName);
    if (byName.isPresent()) {
      return byName.get();
    }
    if (!hasExtension(fileName) && looksLikeText(head)) {
      return CSV;
    }
    throw unsupported(fileName);
  }

  private static ProblemException unsupported(String fileName) {
    return Problems.unsupported(
            "cannot tell the format of " + (fileName == null ? "the upload" : "'" + fileName + "'")
                + ": expected CSV (.csv), IDX (.idx, -ubyte, optionally .gz), NPY (.npy) or an image folder (.zip)")
        .with("fileName", fileName == null ? "" : fileName);
  }

  private static boolean startsWith(byte[] head, byte[] prefix) {
    if (head.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (head[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** Text has no NUL bytes and no C0 controls other than tab, CR, LF (and UTF-8 bytes are >= 0x80). */
  private static boolean looksLikeText(byte[] head) {
    if (head.length == 0) {
      return true;
    }
    for (byte b : head) {
      int c = b & 0xff;
      if (c < 0x20 && c != '\t' && c != '\r' && c != '\n') {
        return false;
      }
    }
    return true;
  }

  private static String baseName(String fileName) {
    int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
    return fileName.substring(slash + 1);
  }

  private static boolean hasExtension(String fileName) {
    return fileName != null && baseName(fileName).lastIndexOf('.') > 0;
  }
}

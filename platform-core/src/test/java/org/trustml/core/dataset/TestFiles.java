package org.trustml.core.dataset;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.trustml.core.web.ProblemException;

/** Helpers for the dataset tests: the shared datasets folder, byte building, problem assertions. */
final class TestFiles {

  private TestFiles() {}

  /**
   * A file under the shared datasets folder: the system property {@code trustml.datasets.dir} (which the
   * build sets) if given, else {@code ../shared/datasets} (from the repository root) or
   * {@code ../../shared/datasets} (from the module directory); skips the test when it is absent.
   */
  static Path dataset(String relative) {
    List<Path> roots = new ArrayList<>();
    String configured = System.getProperty("trustml.datasets.dir");
    if (configured != null && !configured.isBlank()) {
      roots.add(Path.of(configured));
    } else {
      roots.add(Path.of("../shared/datasets"));
      roots.add(Path.of("../../shared/datasets"));
    }
    for (Path root : roots) {
      Path file = root.resolve(relative);
      if (Files.isRegularFile(file)) {
        return file;
      }
    }
    assumeTrue(false, "skipped: shared dataset " + relative + " not found under " + roots
        + " (set -Dtrustml.datasets.dir to the folder holding adult/, mnist/, ...)");
    throw new AssertionError("unreachable");
  }

  static InputStream utf8(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  /** Asserts that the call throws a ProblemException of this code, and returns it. */
  static ProblemException problem(String code, ThrowingCallable call) {
    ProblemException[] caught = new ProblemException[1];
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(ProblemException.class, e -> caught[0] = e)
        .extracting(e -> ((ProblemException) e).code())
        .isEqualTo(code);
    return caught[0];
  }

  /** Builds binary test files byte by byte. */
  static final class Bytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Bytes u8(int... values) {
      for (int v : values) {
        out.write(v);
      }
      return this;
    }

    Bytes be16(int v) {
      return u8(v >>> 8 & 0xff, v & 0xff);
    }

    Bytes be32(int v) {
      return u8(v >>> 24 & 0xff, v >>> 16 & 0xff, v >>> 8 & 0xff, v & 0xff);
    }

    Bytes be64(long v) {
      return be32((int) (v >>> 32)).be32((int) v);
    }

    Bytes le16(int v) {
      return u8(v & 0xff, v >>> 8 & 0xff);
    }

    Bytes le32(int v) {
      return u8(v & 0xff, v >>> 8 & 0xff, v >>> 16 & 0xff, v >>> 24 & 0xff);
    }

    Bytes le64(long v) {
      return le32((int) v).le32((int) (v >>> 32));
    }

    Bytes text(String s) {
      out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
      return this;
    }

    Bytes zeros(int n) {
      out.writeBytes(new byte[n]);
      return this;
    }

    int length() {
      return out.size();
    }

    byte[] bytes() {
      return out.toByteArray();
    }

    InputStream stream() {
      return new ByteArrayInputStream(bytes());
    }
  }
}

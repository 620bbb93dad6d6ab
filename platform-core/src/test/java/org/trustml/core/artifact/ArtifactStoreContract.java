package org.trustml.core.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link ArtifactStore} must do, run against each implementation by a subclass. Large content is streamed
 * from a generator and digested on the fly, so no test keeps more than a small array in memory.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class ArtifactStoreContract {

  static final long MiB = 1024 * 1024;

  /** A store writing where {@link #storedEntries} looks; each call may share the backing storage or not. */
  abstract ArtifactStore newStore(long maxBytes) throws Exception;

  /**
   * Everything the backing storage of {@code store} holds: object keys or file paths relative to the root (directories
   * with a trailing {@code /}), plus anything else a failed write could leave (e.g. unfinished multipart uploads).
   */
  abstract Set<String> storedEntries(ArtifactStore store) throws Exception;

  @Test
  void roundTripKeepsBytesAndDigest() throws Exception {
    ArtifactStore store = newStore(MiB);
    byte[] data = randomBytes(10_000, 1);

    ArtifactRef ref = store.putBytes(data, "application/octet-stream", "blob.bin");

    assertThat(ref.sha256()).isEqualTo(sha256(data));
    assertThat(ref.sizeBytes()).isEqualTo(data.length);
    assertThat(ref.mediaType()).isEqualTo("application/octet-stream");
    assertThat(ref.name()).isEqualTo("blob.bin");
    assertThat(store.readAllBytes(ref.sha256())).isEqualTo(data);
  }

  @Test
  void sizeAndExists() throws Exception {
    ArtifactStore store = newStore(MiB);
    ArtifactRef ref = store.putText("a,b\n1,2\n", "text/csv", "t.csv");

    assertThat(store.exists(ref.sha256())).isTrue();
    assertThat(store.size(ref.sha256())).isEqualTo(8);

    String unknown = sha256("never stored".getBytes(StandardCharsets.UTF_8));
    assertThat(store.exists(unknown)).isFalse();
    assertThatThrownBy(() -> store.size(unknown)).isInstanceOf(ArtifactNotFoundException.class);
  }

  @Test
  void duplicatePutStoresOnce() throws Exception {
    ArtifactStore store = newStore(MiB);
    byte[] data = randomBytes(4_096, 2);

    ArtifactRef first = store.putBytes(data, "application/octet-stream", "first");
    ArtifactRef second = store.putBytes(data, "text/plain", "second");

    assertThat(second.sha256()).isEqualTo(first.sha256());
    assertThat(second.sizeBytes()).isEqualTo(first.sizeBytes());
    assertThat(second.name()).isEqualTo("second");
    assertThat(store.exists(first.sha256())).isTrue();
    assertThat(store.readAllBytes(first.sha256())).isEqualTo(data);
    assertStoredOnceWithoutTemps(store, first.sha256());
  }

  @Test
  void emptyContent() throws Exception {
    ArtifactStore store = newStore(MiB);

    ArtifactRef ref = store.putBytes(new byte[0], "text/plain", "empty");

    assertThat(ref.sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(ref.sizeBytes()).isZero();
    assertThat(store.size(ref.sha256())).isZero();
    assertThat(store.readAllBytes(ref.sha256())).isEmpty();
  }

  @Test
  void contentLargerThanOnePartRoundTrips() throws Exception {
    long length = 20 * MiB + 123; // two full 8 MiB parts and a short third one
    ArtifactStore store = newStore(64 * MiB);
    String expected = sha256(new GeneratedStream(length, 3));

    ArtifactRef ref = store.put(new GeneratedStream(length, 3), "application/octet-stream", "big.bin");

    assertThat(ref.sha256()).isEqualTo(expected);
    assertThat(ref.sizeBytes()).isEqualTo(length);
    assertThat(store.size(ref.sha256())).isEqualTo(length);
    try (InputStream in = store.open(ref.sha256())) {
      CountingDigest read = CountingDigest.of(in);
      assertThat(read.count).isEqualTo(length);
      assertThat(read.sha256).isEqualTo(expected);
    }
    assertStoredOnceWithoutTemps(store, ref.sha256());
  }

  @Test
  void contentAboveLimitIsRejectedAndLeavesNothing() throws Exception {
    ArtifactStore store = newStore(100);
    Set<String> before = storedEntries(store);

    assertThatThrownBy(() -> store.putBytes(randomBytes(101, 4), "text/plain", "x"))
        .isInstanceOf(ArtifactTooLargeException.class);

    assertThat(storedEntries(store)).isEqualTo(before);
  }

  @Test
  void contentAboveLimitAfterSeveralPartsIsRejectedAndLeavesNothing() throws Exception {
    long limit = 10 * MiB; // past the first 8 MiB part, so a multipart upload is under way when the limit trips
    ArtifactStore store = newStore(limit);
    Set<String> before = storedEntries(store);

    assertThatThrownBy(() -> store.put(new GeneratedStream(limit + 1, 5), "application/octet-stream", "x"))
        .isInstanceOf(ArtifactTooLargeException.class);

    assertThat(storedEntries(store)).isEqualTo(before);
  }

  @Test
  void contentExactlyAtLimitIsAccepted() throws Exception {
    ArtifactStore store = newStore(100);
    ArtifactRef ref = store.putBytes(randomBytes(100, 6), "text/plain", "x");
    assertThat(store.size(ref.sha256())).isEqualTo(100);
  }

  @Test
  void openUnknownDigestIsNotFound() throws Exception {
    ArtifactStore store = newStore(MiB);
    String unknown = sha256("not there".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> store.open(unknown)).isInstanceOf(ArtifactNotFoundException.class);
  }

  @Test
  void malformedKeysAreRejected() throws Exception {
    ArtifactStore store = newStore(MiB);
    String valid = sha256(new byte[] {1});
    List<String> bad =
        List.of(
            "../../etc/passwd",
            "../../../../../../../../../../../../../../../../../../../../../etc/passwd",
            valid.toUpperCase(),
            valid.substring(1),
            valid + "0",
            "cas/sha256/" + valid,
            "");

    for (String key : bad) {
      assertThatThrownBy(() -> store.open(key)).as("open(%s)", key).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.exists(key)).as("exists(%s)", key).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.size(key)).as("size(%s)", key).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void concurrentPutsOfTheSameContentAllSucceed() throws Exception {
    ArtifactStore store = newStore(16 * MiB);
    long length = 9 * MiB; // more than one part, so the uploads overlap for a while
    String expected = sha256(new GeneratedStream(length, 7));
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<ArtifactRef>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        String name = "copy-" + i;
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  return store.put(new GeneratedStream(length, 7), "application/octet-stream", name);
                }));
      }
      go.countDown();
      for (Future<ArtifactRef> result : results) {
        ArtifactRef ref = result.get(50, TimeUnit.SECONDS);
        assertThat(ref.sha256()).isEqualTo(expected);
        assertThat(ref.sizeBytes()).isEqualTo(length);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.size(expected)).isEqualTo(length);
    try (InputStream in = store.open(expected)) {
      assertThat(CountingDigest.of(in).sha256).isEqualTo(expected);
    }
    assertStoredOnceWithoutTemps(store, expected);
  }

  /** The digest is stored under exactly its content key and no temp object or file survived. */
  void assertStoredOnceWithoutTemps(ArtifactStore store, String sha256) throws Exception {
    Set<String> entries = storedEntries(store);
    assertThat(entries.stream().filter(e -> e.contains(sha256))).containsExactly(ContentKeys.keyOf(sha256));
    assertThat(entries.stream().filter(e -> e.startsWith("tmp/") && !e.equals("tmp/"))).isEmpty();
    assertThat(entries.stream().filter(e -> e.startsWith("upload:"))).isEmpty();
  }

  static byte[] randomBytes(int n, long seed) {
    byte[] b = new byte[n];
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      b[i] = (byte) random.nextInt(256);
    }
    return b;
  }

  static String sha256(byte[] data) {
    return HexFormat.of().formatHex(digest().digest(data));
  }

  static String sha256(InputStream in) throws IOException {
    return CountingDigest.of(in).sha256;
  }

  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Digest and length of a stream, read in small chunks. */
  record CountingDigest(long count, String sha256) {
    static CountingDigest of(InputStream in) throws IOException {
      MessageDigest md = digest();
      byte[] buf = new byte[64 * 1024];
      long count = 0;
      for (int n; (n = in.read(buf)) >= 0; ) {
        md.update(buf, 0, n);
        count += n;
      }
      return new CountingDigest(count, HexFormat.of().formatHex(md.digest()));
    }
  }

  /**
   * A deterministic pseudo-random stream of a given length that never holds its content in memory; the bytes depend
   * only on the seed and the position, not on how callers chunk their reads.
   */
  static final class GeneratedStream extends InputStream {
    private final SplittableRandom random;
    private long remaining;
    private long word;
    private int wordPos = 8;

    GeneratedStream(long length, long seed) {
      this.random = new SplittableRandom(seed);
      this.remaining = length;
    }

    private byte next() {
      if (wordPos == 8) {
        // eight bytes per random long keeps 20 MiB cheap to generate
        word = random.nextLong();
        wordPos = 0;
      }
      return (byte) (word >>> (8 * wordPos++));
    }

    @Override
    public int read() {
      if (remaining <= 0) {
        return -1;
      }
      remaining--;
      return next() & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (remaining <= 0) {
        return -1;
      }
      int n = (int) Math.min(len, remaining);
      for (int i = 0; i < n; i++) {
        b[off + i] = next();
      }
      remaining -= n;
      return n;
    }
  }
}

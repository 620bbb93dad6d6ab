package org.trustml.core.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract against the filesystem store, each store in a fresh directory. */
class FileSystemArtifactStoreTest extends ArtifactStoreContract {

  @TempDir Path dir;

  private final Map<ArtifactStore, Path> roots = new IdentityHashMap<>();

  @Override
  ArtifactStore newStore(long maxBytes) throws Exception {
    Path root = Files.createTempDirectory(dir, "store-");
    FileSystemArtifactStore store = new FileSystemArtifactStore(root, maxBytes);
    roots.put(store, root);
    return store;
  }

  /** Every file and directory under the root, relative and with {@code /} separators; directories end in {@code /}. */
  @Override
  Set<String> storedEntries(ArtifactStore store) throws Exception {
    Path root = roots.get(store);
    Set<String> entries = new TreeSet<>();
    try (Stream<Path> paths = Files.walk(root)) {
      paths
          .filter(p -> !p.equals(root))
          .forEach(
              p -> {
                String rel = root.relativize(p).toString().replace('\\', '/');
                entries.add(Files.isDirectory(p) ? rel + "/" : rel);
              });
    }
    return entries;
  }

  @Override
  void assertStoredOnceWithoutTemps(ArtifactStore store, String sha256) throws Exception {
    super.assertStoredOnceWithoutTemps(store, sha256);
    assertThat(storedEntries(store)).contains("tmp/").noneMatch(e -> e.startsWith("tmp/") && e.length() > 4);
  }

  @Test
  void rejectedContentLeavesOnlyAnEmptyTmpDirectory() throws Exception {
    ArtifactStore store = newStore(10);
    try {
      store.putBytes(new byte[11], "text/plain", "x");
    } catch (ArtifactTooLargeException expected) {
      // asserted by the contract; here only the tree matters
    }
    assertThat(storedEntries(store)).containsExactly("tmp/");
  }

  @Test
  void kindIsFs() throws Exception {
    assertThat(newStore(1).kind()).isEqualTo("fs");
  }
}

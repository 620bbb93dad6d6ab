package org.trustml.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.testing.ImageFolderZips;

class ImageFolderLoaderTest {

  private static MlEngine ml;

  @BeforeAll
  static void engine() {
    ml = MlEngine.start(MlSettings.defaults());
  }

  /** A 3x2 (w x h) PNG whose pixel (x, y) is rgb(10x + base, 20y, 255). */
  static void png(Path file, int base) throws Exception {
    BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 2; y++) {
      for (int x = 0; x < 3; x++) {
        image.setRGB(x, y, ((10 * x + base) << 16) | ((20 * y) << 8) | 255);
      }
    }
    Files.createDirectories(file.getParent());
    ImageIO.write(image, "png", file.toFile());
  }

  @Test
  void readsClassFoldersInSortedOrderChannelFirst(@TempDir Path root) throws Exception {
    png(root.resolve("zebra/a.png"), 0);
    png(root.resolve("cat/2.png"), 100);
    png(root.resolve("cat/1.PNG"), 50);
    Files.writeString(root.resolve("cat/notes.txt"), "not an image");

    try (NDManager manager = ml.newManager()) {
      ImageFolder f = ImageFolderLoader.load(root, ImageFolderOptions.rgb(), manager);

      assertThat(f.classes()).containsExactly("cat", "zebra");
      assertThat(f.files()).extracting(p -> p.getFileName().toString()).containsExactly("1.PNG", "2.png", "a.png");
      assertThat(f.data().labels().toIntArray()).containsExactly(0, 0, 1);
      assertThat(f.data().features().getShape()).isEqualTo(new Shape(3, 3, 2, 3));
      float[] v = f.data().features().toFloatArray();
      // image 0 (base 50): red plane rows (50, 60, 70), (50, 60, 70); green plane (0, 0, 0), (20, 20, 20); blue 255
      assertThat(v).startsWith(50 / 255f, 60 / 255f, 70 / 255f, 50 / 255f, 60 / 255f, 70 / 255f);
      assertThat(v[6 + 3]).isEqualTo(20 / 255f);
      assertThat(v[12]).isEqualTo(1f);
      // image 2 (base 0) starts after two images of 18 values
      assertThat(v[36 + 1]).isEqualTo(10 / 255f);
    }
  }

  @Test
  void convertsToGreyAndResizesOrRefusesMixedSizes(@TempDir Path root) throws Exception {
    png(root.resolve("a/x.png"), 0);
    BufferedImage big = new BufferedImage(6, 4, BufferedImage.TYPE_BYTE_GRAY);
    Files.createDirectories(root.resolve("b"));
    ImageIO.write(big, "png", root.resolve("b/y.png").toFile());

    try (NDManager manager = ml.newManager()) {
      assertThatThrownBy(() -> ImageFolderLoader.load(root, ImageFolderOptions.grey(), manager))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("y.png is 6x4");

      ImageFolder f = ImageFolderLoader.load(root, ImageFolderOptions.grey().withSize(2, 3), manager);
      assertThat(f.data().features().getShape()).isEqualTo(new Shape(2, 1, 2, 3));
      // BT.601 luma of rgb(0, 0, 255) is 0.114
      assertThat(f.data().features().toFloatArray()[0]).isCloseTo(0.114f, within(1e-6f));
      assertThat(f.data().features().toFloatArray()[6]).isZero();
    }
  }

  /** A w x h greyscale PNG of {@code bits} (8 or 16) whose level at (x, y) is {@code level(x, y)}. */
  static void greyPng(Path file, int w, int h, int bits, java.util.function.IntBinaryOperator level)
      throws Exception {
    BufferedImage image = new BufferedImage(w, h, bits == 16 ? BufferedImage.TYPE_USHORT_GRAY
        : BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.getRaster().setSample(x, y, 0, level.applyAsInt(x, y));
      }
    }
    Files.createDirectories(file.getParent());
    ImageIO.write(image, "png", file.toFile());
  }

  @Test
  void greyPngsKeepTheirStoredLevels(@TempDir Path root) throws Exception {
    // Fashion-MNIST saved as PNG is 8-bit grey: level 96 must read as 96/255, not as its sRGB rendering (165)
    greyPng(root.resolve("a/eight.png"), 3, 2, 8, (x, y) -> 96 + 40 * x + y);
    greyPng(root.resolve("b/sixteen.png"), 3, 2, 16, (x, y) -> 1000 * (x + 3 * y));

    try (NDManager manager = ml.newManager()) {
      float[] grey = ImageFolderLoader.load(root, ImageFolderOptions.grey(), manager).data().features()
          .toFloatArray();
      assertThat(grey).startsWith(96 / 255f, 136 / 255f, 176 / 255f, 97 / 255f, 137 / 255f, 177 / 255f);
      assertThat(grey[6 + 5]).isEqualTo(5000 / 65535f);

      float[] rgb = ImageFolderLoader.load(root, ImageFolderOptions.rgb(), manager).data().features()
          .toFloatArray();
      for (int c = 0; c < 3; c++) {
        assertThat(rgb[6 * c]).as("channel " + c).isEqualTo(96 / 255f);
        assertThat(rgb[18 + 6 * c + 5]).as("channel " + c).isEqualTo(5000 / 65535f);
      }
    }

    // resizing a uniform grey image leaves its level alone
    Path uniform = root.resolve("uniform");
    greyPng(uniform.resolve("c/u.png"), 6, 4, 8, (x, y) -> 96);
    try (NDManager manager = ml.newManager()) {
      float[] v = ImageFolderLoader.load(uniform, ImageFolderOptions.grey().withSize(2, 3), manager).data()
          .features().toFloatArray();
      assertThat(v).containsOnly(96 / 255f);
    }
  }

  @Test
  void capsImagesPerClassAndRefusesEmptyClasses(@TempDir Path root) throws Exception {
    for (int i = 0; i < 5; i++) {
      png(root.resolve("a/" + i + ".png"), i);
    }
    try (NDManager manager = ml.newManager()) {
      ImageFolder f = ImageFolderLoader.load(root, ImageFolderOptions.rgb().withMaxPerClass(2), manager);
      assertThat(f.data().size()).isEqualTo(2);

      Files.createDirectories(root.resolve("empty"));
      assertThatThrownBy(() -> ImageFolderLoader.load(root, ImageFolderOptions.rgb(), manager))
          .hasMessageContaining("has no .png");
    }
  }

  @Test
  void aZippedFolderLoadsAsTheFolderItself(@TempDir Path root) throws Exception {
    png(root.resolve("zebra/a.png"), 0);
    png(root.resolve("cat/2.png"), 100);
    png(root.resolve("cat/1.png"), 50);
    // zipped under a top-level folder, entries out of order, with macOS's metadata
    byte[] zip = ImageFolderZips.zip("pets/zebra/a.png", Files.readAllBytes(root.resolve("zebra/a.png")),
        "pets/cat/2.png", Files.readAllBytes(root.resolve("cat/2.png")),
        "__MACOSX/pets/cat/._2.png", new byte[] {0}, "pets/cat/1.png", Files.readAllBytes(root.resolve("cat/1.png")));

    try (NDManager manager = ml.newManager()) {
      ImageFolder folder = ImageFolderLoader.load(root, ImageFolderOptions.rgb(), manager);
      ImageFolder zipped = ImageFolderLoader.load(ByteSource.of(zip), ImageFolderOptions.rgb(), manager);

      assertThat(zipped.classes()).containsExactly("cat", "zebra");
      assertThat(zipped.files()).containsExactly(Path.of("cat/1.png"), Path.of("cat/2.png"), Path.of("zebra/a.png"));
      assertThat(zipped.data().features().getShape()).isEqualTo(new Shape(3, 3, 2, 3));
      assertThat(zipped.data().features().toFloatArray()).containsExactly(folder.data().features().toFloatArray());
      assertThat(zipped.data().labels().toIntArray()).containsExactly(0, 0, 1);
    }
  }

  @Test
  void aMalformedZipIsTheCatalogsProblemAndLeavesNoTemporaryFolder() throws Exception {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    long before = temporaryFolders(tmp);
    byte[] zip = ImageFolderZips.zip("a/1.png", new byte[] {1, 2, 3});
    try (NDManager manager = ml.newManager()) {
      assertThatThrownBy(() -> ImageFolderLoader.load(ByteSource.of(zip), ImageFolderOptions.rgb(), manager))
          .hasMessageContaining("1.png is not an image");
    }
    assertThat(temporaryFolders(tmp)).isEqualTo(before);
  }

  private static long temporaryFolders(Path tmp) throws Exception {
    try (var list = Files.list(tmp)) {
      return list.filter(p -> p.getFileName().toString().startsWith("trustml-image-folder-")).count();
    }
  }
}

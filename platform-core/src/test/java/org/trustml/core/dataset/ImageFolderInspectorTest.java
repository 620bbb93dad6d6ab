package org.trustml.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trustml.core.dataset.TestFiles.problem;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.testing.ImageFolderZips;
import org.trustml.core.web.ProblemException;
import tools.jackson.databind.json.JsonMapper;

/** Image folders as ZIP archives: what the inspector learns, and each malformed archive refused naming its entry. */
class ImageFolderInspectorTest {

  /** A PNG of {@code w x h}, colour or greyscale, every pixel {@code value}. */
  static byte[] png(int w, int h, boolean colour, int value) {
    BufferedImage image = new BufferedImage(w, h, colour ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.setRGB(x, y, colour ? (value << 16) | ((255 - value) << 8) | x : (value << 16) | (value << 8) | value);
      }
    }
    return ImageFolderZips.png(image);
  }

  static byte[] zip(Object... entries) {
    return ImageFolderZips.zip(entries);
  }

  static DatasetSummary inspect(byte[] zip) throws IOException {
    return ImageFolderInspector.inspect(new ByteArrayInputStream(zip));
  }

  static ProblemException refused(byte[] zip, String entry, String detail) {
    ProblemException e = problem("malformed-image-folder", () -> inspect(zip));
    assertThat(e.properties()).containsEntry("entry", entry);
    assertThat(e.getMessage()).contains(detail);
    return e;
  }

  @Test
  void recordsShapeClassesAndCountsOfAFolderUnderOneTopLevelFolder() throws IOException {
    byte[] zip = zip("pets/", null, "pets/zebra/", null, "pets/zebra/a.png", png(6, 4, true, 10),
        "pets/cat/1.PNG", png(6, 4, false, 50), "pets/cat/2.jpg", jpeg(6, 4),
        "pets/cat/.DS_Store", new byte[] {1, 2}, "__MACOSX/pets/cat/._1.PNG", new byte[] {3}, "pets/dog/x.png",
        png(6, 4, false, 0));

    DatasetSummary s = inspect(zip);

    assertThat(s.format()).isEqualTo(DatasetFormat.IMAGE_FOLDER);
    assertThat(s.shape()).containsExactly(4, 3, 4, 6);
    assertThat(s.rows()).isEqualTo(4);
    assertThat(s.columns()).isEqualTo(3 * 4 * 6);
    assertThat(s.dtype()).isEqualTo("uint8");
    assertThat(s.classes()).containsExactly(new ImageClass("cat", 2), new ImageClass("dog", 1),
        new ImageClass("zebra", 1));
    assertThat(s.columnSchemas()).isEmpty();
    // serialisable as the other summaries, classes included
    String json = JsonMapper.builder().build().writeValueAsString(s);
    assertThat(json).contains("\"classes\":[{\"name\":\"cat\",\"images\":2}");
  }

  @Test
  void greyscaleImagesWithoutATopFolderHaveOneChannelAndAreDetectedByMagicAndName() throws IOException {
    byte[] zip = zip("b/1.png", png(8, 8, false, 1), "a/1.png", png(8, 8, false, 2), "a/2.png", png(8, 8, false, 3));
    DatasetSummary s = DatasetInspector.inspect(null, new ByteArrayInputStream(zip));
    assertThat(s.format()).isEqualTo(DatasetFormat.IMAGE_FOLDER);
    assertThat(s.shape()).containsExactly(3, 1, 8, 8);
    assertThat(s.classes()).extracting(ImageClass::name).containsExactly("a", "b");
    assertThat(DatasetFormat.fromFileName("faces.zip")).contains(DatasetFormat.IMAGE_FOLDER);
    assertThat(DatasetFormat.fromId("image-folder")).contains(DatasetFormat.IMAGE_FOLDER);
    assertThat(DatasetFormat.IMAGE_FOLDER.id()).isEqualTo("image-folder");
    assertThat(DatasetFormat.IMAGE_FOLDER.mediaType()).isEqualTo("application/zip");
  }

  @Test
  void theTestFixturesColourPatternsReadAsRgbClasses() throws IOException {
    DatasetSummary s = inspect(ImageFolderZips.colourPatterns(3, 4, 8, 1, "set"));
    assertThat(s.shape()).containsExactly(12, 3, 8, 8);
    assertThat(s.classes()).containsExactly(new ImageClass("class-0", 4), new ImageClass("class-1", 4),
        new ImageClass("class-2", 4));
  }

  @Test
  void eachMalformedArchiveIsRefusedNamingItsEntry() {
    byte[] ok = png(4, 4, true, 1);
    refused(zip("a/1.png", ok, "a/notes.txt", "hello".getBytes(StandardCharsets.UTF_8)), "a/notes.txt",
        "not an image");
    refused(zip("a/1.png", ok, "a/2.png", "not a png".getBytes(StandardCharsets.UTF_8)), "a/2.png",
        "not a readable image");
    refused(zip("a/1.png", ok, "a/2.png", Arrays.copyOf(ok, ok.length / 2)), "a/2.png", "not a readable image");
    refused(zip("a/1.png", ok, "b/", null), "b/", "holds no image");
    refused(zip("a/1.png", ok, "b/1.png", png(4, 8, true, 1)), "b/1.png", "every image must have one size");
    refused(zip("a/1.png", ok, "a/../../etc/x.png", ok), "a/../../etc/x.png", "'..' escapes");
    refused(zip("/a/1.png", ok), "/a/1.png", "absolute");
    refused(zip("a/1.png", ok, "a/deep/1.png", ok, "a/deep/2.png", ok), "a/deep/1.png", "does not follow the layout");
    refused(zip("t/a/1.png", ok, "t/a/deep/1.png", ok), "t/a/deep/1.png", "nested deeper");
    refused(zip("t/a/1.png", ok, "u/a/1.png", ok), "u/a/1.png", "does not follow the layout");
    refused(zip("a/1.png", ok, "b/sub/", null), "b/sub/", "nested deeper");
    refused(zip("1.png", ok), "1.png", "outside any class folder");
    ProblemException longName = problem("malformed-image-folder", () -> inspect(zip("a/" + "x".repeat(1100) + ".png",
        ok)));
    assertThat(longName.getMessage()).contains("longer than 1024 characters");
    java.io.ByteArrayOutputStream latin1 = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(latin1, StandardCharsets.ISO_8859_1)) {
      z.putNextEntry(new java.util.zip.ZipEntry("a/1.png"));
      z.write(ok);
      z.putNextEntry(new java.util.zip.ZipEntry("a/caf\u00e9.png"));
      z.write(ok);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ProblemException notUtf8 = problem("malformed-image-folder", () -> inspect(latin1.toByteArray()));
    assertThat(notUtf8.getMessage()).contains("after 'a/1.png' is not UTF-8");
    // ZipOutputStream refuses duplicate names: rename the second entry in its local and central headers
    byte[] twice = zip("a/1.png", ok, "a/2.png", ok);
    byte[] renamed = new String(twice, StandardCharsets.ISO_8859_1).replace("a/2.png", "a/1.png")
        .getBytes(StandardCharsets.ISO_8859_1);
    refused(renamed, "a/1.png", "occurs twice");
  }

  @Test
  void limitsEntriesAndEntrySizeAndReportsCorruptAndEmptyArchives() {
    byte[] ok = png(4, 4, true, 1);
    byte[] three = zip("a/1.png", ok, "a/2.png", ok, "b/1.png", ok);
    ProblemException many = problem("malformed-image-folder", () -> ImageFolderInspector.inspect(
        new ByteArrayInputStream(three), new ImageFolderArchive.Limits(2, 1 << 20)));
    assertThat(many.properties()).containsEntry("entry", "b/1.png");
    assertThat(many.getMessage()).contains("more than 2 entries");
    ProblemException big = problem("malformed-image-folder", () -> ImageFolderInspector.inspect(
        new ByteArrayInputStream(three), new ImageFolderArchive.Limits(10, ok.length - 1)));
    assertThat(big.properties()).containsEntry("entry", "a/1.png");
    assertThat(big.getMessage()).contains("larger than");

    // cut inside an entry's data, inside a local header, and just before the central directory
    int secondHeader = indexOf(three, "a/2.png") - 30;
    int centralDirectory = indexOf(three, "PK\1\2");
    for (int cut : new int[] {secondHeader - 20, secondHeader + 10, centralDirectory}) {
      ProblemException truncated = problem("malformed-image-folder", () -> inspect(Arrays.copyOf(three, cut)));
      assertThat(truncated.getMessage()).as("cut at %d", cut).contains("truncated");
    }
    // an archive with no entry is its end-of-central-directory record alone
    byte[] emptyZip = Arrays.copyOf(new byte[] {'P', 'K', 5, 6}, 22);
    assertThat(DatasetFormat.fromMagic(emptyZip)).contains(DatasetFormat.IMAGE_FOLDER);
    ProblemException empty = problem("malformed-image-folder", () -> inspect(emptyZip));
    assertThat(empty.getMessage()).contains("holds no image");
    problem("malformed-image-folder", () -> inspect(zip("a/", null)));
  }

  @Test
  void extractsIntoClassFoldersDroppingTheTopFolder(@TempDir Path dir) throws IOException {
    byte[] a = png(4, 4, true, 1);
    byte[] b = png(4, 4, true, 2);
    byte[] zip = zip("top/x/1.png", a, "top/y/2.png", b, "top/.hidden", new byte[1]);
    assertThat(ImageFolderArchive.extract(new ByteArrayInputStream(zip), dir))
        .containsExactly(new ImageClass("x", 1), new ImageClass("y", 1));
    assertThat(Files.readAllBytes(dir.resolve("x/1.png"))).isEqualTo(a);
    assertThat(Files.readAllBytes(dir.resolve("y/2.png"))).isEqualTo(b);
    try (var files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(2);
    }
  }

  private static int indexOf(byte[] bytes, String text) {
    int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf(text);
    assertThat(at).isPositive();
    return at;
  }

  private static byte[] jpeg(int w, int h) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "jpg", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}

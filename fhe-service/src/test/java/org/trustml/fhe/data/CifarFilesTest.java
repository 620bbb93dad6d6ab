package org.trustml.fhe.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.trustml.fhe.dct.ColourImages;
import org.trustml.fhe.dct.PixelImage;

/** The shared CIFAR-10 subset: counts, labels, and the JPEG re-encodings against the lossless originals. */
class CifarFilesTest {

  private static CifarFiles filesOrSkip() {
    CifarFiles files = CifarFiles.fromDefaultDir();
    assumeTrue(files.isPresent(), "skipped: the CIFAR-10 subset is not under " + files.dir().toAbsolutePath());
    return files;
  }

  @Test
  void testImagesAreTheLosslessThousandAndTrainingLeavesThemOut() throws IOException {
    CifarFiles files = filesOrSkip();
    ColourImages test = files.test();
    assertThat(test.count()).isEqualTo(1000);
    assertThat(test.image(0).isColour()).isTrue();
    assertThat(test.image(0).height()).isEqualTo(32);
    ColourImages train = files.train(30);
    assertThat(train.count()).isEqualTo(2030);
    assertThat(java.util.Arrays.copyOf(train.labels(), 10)).containsExactly(6, 9, 9, 4, 1, 1, 2, 7, 8, 3);
    // airplane/0000.jpg is test image 3 (labels.csv): not trained on, so the JPEGs start later
    PixelImage firstJpeg = train.image(2000);
    assertThat(meanAbsoluteError(firstJpeg, test.image(3))).isGreaterThan(20);
  }

  @Test
  void aJpegReEncodingIsCloseToItsLosslessOriginal() throws IOException {
    CifarFiles files = filesOrSkip();
    // labels.csv: test-jpeg/airplane/0000.jpg is original test image 3; the MANIFEST measures 5.8 / 255 on average
    PixelImage jpeg = CifarFiles.jpeg(files.dir().resolve("test-jpeg/airplane/0000.jpg"));
    ColourImages test = files.test();
    assertThat(test.labels()[3]).isZero();
    assertThat(meanAbsoluteError(jpeg, test.image(3))).isLessThan(12);
    assertThat(meanAbsoluteError(jpeg, test.image(4))).isGreaterThan(20);
  }

  private static double meanAbsoluteError(PixelImage a, PixelImage b) {
    double sum = 0;
    int n = 0;
    for (int c = 0; c < 3; c++) {
      for (int k = 0; k < a.planes()[c].length; k++) {
        sum += Math.abs(a.planes()[c][k] - b.planes()[c][k]);
        n++;
      }
    }
    return sum / n;
  }
}

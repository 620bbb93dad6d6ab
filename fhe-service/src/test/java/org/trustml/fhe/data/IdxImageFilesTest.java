package org.trustml.fhe.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.trustml.fhe.dct.DctFeatures;
import org.trustml.fhe.dct.DctFrontEnd;
import org.trustml.fhe.dct.DctSettings;
import org.trustml.fhe.dct.LabelledImages;
import org.trustml.fhe.dct.PixelImage;

/**
 * MNIST and Fashion-MNIST from shared/datasets (system property trustml.datasets.dir, which the build sets); each
 * test is skipped with a message when its files are absent.
 */
class IdxImageFilesTest {

  private final IdxImageFiles files = IdxImageFiles.fromDefaultDir();

  private LabelledImages loadOrSkip(String dataset) throws Exception {
    assumeTrue(files.isPresent(dataset, IdxImageFiles.Split.TEST), "skipped: " + files.imagesFile(dataset,
        IdxImageFiles.Split.TEST) + " or its labels file is absent (set -D" + IdxImageFiles.DATASETS_DIR_PROPERTY
        + " to the datasets folder)");
    return files.load(dataset, IdxImageFiles.Split.TEST);
  }

  @Test
  void mnistTestImagesLoadWithTheirLabelsAndTransformWithoutLosingEnergy() throws Exception {
    LabelledImages mnist = loadOrSkip(IdxImageFiles.MNIST);
    assertThat(mnist.count()).isEqualTo(10_000);
    assertThat(mnist.height()).isEqualTo(28);
    assertThat(mnist.width()).isEqualTo(28);
    assertThat(mnist.labels()[0]).isEqualTo(7); // the first t10k digit is a 7
    assertThat(Arrays.stream(mnist.labels()).distinct().sorted().toArray()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7,
        8, 9);
    PixelImage first = mnist.image(0);
    DctFeatures features = new DctFrontEnd(DctSettings.mnist()).transform(first);
    double pixels = Arrays.stream(first.planes()[0]).map(v -> (v - 128) * (v - 128)).sum();
    double coefficients = Arrays.stream(features.toArray()).map(v -> v * v).sum();
    assertThat(coefficients).isCloseTo(pixels, within(1e-9 * pixels));
  }

  @Test
  void fashionMnistTestImagesLoad() throws Exception {
    LabelledImages fashion = loadOrSkip(IdxImageFiles.FASHION_MNIST);
    assertThat(fashion.count()).isEqualTo(10_000);
    assertThat(fashion.labels()[0]).isEqualTo(9); // an ankle boot
    assertThat(Arrays.stream(fashion.pixels()).max().orElseThrow()).isEqualTo(255);
  }
}

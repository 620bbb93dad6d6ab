package org.trustml.fhe.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.trustml.fhe.dct.ColourImages;
import org.trustml.fhe.dct.DctSettings;
import org.trustml.fhe.dct.LabelledImages;
import org.trustml.fhe.dct.PixelImage;

class ImageFeaturesTest {

  private static LabelledImages images(int count) {
    Random random = new Random(4);
    int[] pixels = new int[count * 784];
    for (int k = 0; k < pixels.length; k++) {
      pixels[k] = random.nextInt(256);
    }
    return new LabelledImages(count, 28, 28, pixels, new int[count]);
  }

  @Test
  void widthsAreChannelsTimesMapArea() {
    LabelledImages train = images(50);
    assertThat(ImageFeatures.dct(ImageFeatures.LOW_FREQUENCY_6).fit(train, 50).transform(train, 0, 2)[0])
        .hasSize(6 * 49);
    assertThat(ImageFeatures.pixels(28).fit(train, 50).transform(train, 0, 1)[0]).hasSize(784);
    assertThat(ImageFeatures.pixels(14).fit(train, 50).transform(train, 0, 1)[0]).hasSize(196);
  }

  @Test
  void fittedFeaturesAreStandardisedPerChannel() {
    LabelledImages train = images(40);
    double[][] x = ImageFeatures.dct(new int[] {0, 5}).fit(train, 40).transform(train, 0, 40);
    for (int c = 0; c < 2; c++) {
      double sum = 0;
      double squares = 0;
      for (double[] row : x) {
        for (int k = c * 49; k < (c + 1) * 49; k++) {
          sum += row[k];
          squares += row[k] * row[k];
        }
      }
      int n = 40 * 49;
      assertThat(sum / n).isCloseTo(0, within(1e-9));
      assertThat(squares / n).isCloseTo(1, within(1e-9));
    }
  }

  @Test
  void aRestoredPipelineComputesTheSameFeatures() {
    LabelledImages train = images(30);
    for (ImageFeatures fitted : new ImageFeatures[] {ImageFeatures.dct(new int[] {0, 1, 4}).fit(train, 30),
        ImageFeatures.pixels(14).fit(train, 30), ImageFeatures.pixels(28).fit(train, 30)}) {
      ImageFeatures restored = ImageFeatures.restore(fitted.description(), fitted.normaliser().means(),
          fitted.normaliser().stds());
      assertThat(restored.description()).isEqualTo(fitted.description());
      assertThat(restored.transform(train, 3, 5)).isDeepEqualTo(fitted.transform(train, 3, 5));
    }
    assertThatThrownBy(() -> ImageFeatures.restore("dct:F=8,S=56,luma=[0]", new double[] {0}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot rebuild");
    assertThatThrownBy(() -> ImageFeatures.restore("dct:F=4,S=7,luma=[0, 1]", new double[] {0}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 channels");
    assertThatThrownBy(() -> ImageFeatures.restore("pixels:14x14", new double[] {0}, new double[] {-1}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unfittedOrWrongSizesAreRefused() {
    assertThatThrownBy(() -> ImageFeatures.pixels(28).transform(images(1), 0, 1))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ImageFeatures.pixels(7).fit(images(2), 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("side 7 or 14, got 28 x 28");
    assertThatThrownBy(() -> ImageFeatures.pixels(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void colourImagesGiveEveryPlaneOrTheColourDctChannels() {
    java.util.Random random = new java.util.Random(1);
    java.util.List<PixelImage> list = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      double[][] planes = new double[3][32 * 32];
      for (double[] plane : planes) {
        for (int k = 0; k < plane.length; k++) {
          plane[k] = random.nextInt(256);
        }
      }
      list.add(new PixelImage(32, 32, planes));
    }
    ColourImages colour = new ColourImages(list, new int[6]);
    assertThat(ImageFeatures.pixels(32).fit(colour, 6).transform(colour, 0, 1)[0]).hasSize(3 * 1024);
    assertThat(ImageFeatures.pixels(16).fit(colour, 6).transform(colour, 0, 1)[0]).hasSize(3 * 256);
    // 24 channels (18 luma, 2 x 3 chroma) of 8 x 8 maps
    assertThat(ImageFeatures.dct(DctSettings.cifarNative()).fit(colour, 6).transform(colour, 0, 1)[0])
        .hasSize(24 * 64);
    // a common scale keeps the channels' relative spread: channel c's values are its per-channel standardised
    // values times std_c / rms(std)
    ImageFeatures own = ImageFeatures.dct(DctSettings.cifarNative()).fit(colour, 6);
    ImageFeatures common = ImageFeatures.dct(DctSettings.cifarNative(), true).fit(colour, 6);
    double[] stds = own.normaliser().stds();
    double rms = Math.sqrt(java.util.Arrays.stream(stds).map(v -> v * v).sum() / stds.length);
    double[] a = own.transform(colour, 2, 1)[0];
    double[] b = common.transform(colour, 2, 1)[0];
    for (int k = 0; k < a.length; k++) {
      assertThat(b[k]).isCloseTo(a[k] * stds[k / 64] / rms, within(1e-9));
    }
    assertThat(common.description()).endsWith(",scale=common");
  }
}

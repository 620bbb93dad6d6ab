package org.trustml.fhe.dct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The whole front-end: shapes per profile, plane order per path, channel selection, normalisation. */
class DctFrontEndTest {

  private static final double TOLERANCE = 1e-9;
  private final SplittableRandom random = new SplittableRandom(345);

  private static PixelImage constantColour(int height, int width, double r, double g, double b) {
    double[][] planes = new double[3][height * width];
    Arrays.fill(planes[0], r);
    Arrays.fill(planes[1], g);
    Arrays.fill(planes[2], b);
    return new PixelImage(height, width, planes);
  }

  private PixelImage randomColour(int height, int width) {
    double[][] planes = new double[3][height * width];
    for (double[] plane : planes) {
      for (int k = 0; k < plane.length; k++) {
        plane[k] = random.nextInt(256);
      }
    }
    return new PixelImage(height, width, planes);
  }

  @Test
  void imageNetAndCifarProfilesGiveTheirChannelsAtSBySAndIndexThemForTheNormalisationTables() {
    DctFeatures imageNet = new DctFrontEnd(DctSettings.imageNet()).transform(randomColour(300, 400));
    assertThat(imageNet.channelCount()).isEqualTo(64);
    assertThat(imageNet.channels()[0]).hasSize(56 * 56);
    assertThat(imageNet.toArray()).hasSize(64 * 56 * 56);
    int[] sources = imageNet.sourceIndices();
    assertThat(Arrays.copyOfRange(sources, 44, 54)).containsExactly(64, 65, 66, 72, 73, 74, 80, 81, 88, 89);
    assertThat(sources[54]).isEqualTo(128);

    DctFeatures cifar = new DctFrontEnd(DctSettings.cifar()).transform(randomColour(32, 32));
    assertThat(cifar.channelCount()).isEqualTo(24);
    assertThat(cifar.channels()[23]).hasSize(16 * 16);
    assertThat(cifar.sourceIndices()[12]).isEqualTo(16);
  }

  @Test
  void aConstantImageHasOnlyDcChannelsAndEachPathKeepsItsChromaOrder() {
    double r = 255;
    double cb = ColourSpace.blueDifference(new double[] {r}, new double[1], new double[1])[0];
    double cr = ColourSpace.redDifference(new double[] {r}, new double[1], new double[1])[0];
    double y = ColourSpace.luma(new double[] {r}, new double[1], new double[1])[0];
    // F = 8 (JPEG path): planes Y, Cb, Cr, DC rounded
    DctFeatures jpeg = new DctFrontEnd(DctSettings.imageNet()).transform(constantColour(448, 448, r, 0, 0));
    assertDcOnly(jpeg, 64, new double[] {Math.rint(8 * (y - 128)), Math.rint(8 * (cb - 128)), Math.rint(8 * (cr - 128))});
    // F = 4 (OpenCV path): planes Y, Cr, Cb, unrounded
    DctFeatures opencv = new DctFrontEnd(DctSettings.cifar()).transform(constantColour(32, 32, r, 0, 0));
    assertDcOnly(opencv, 16, new double[] {4 * (y - 128), 4 * (cr - 128), 4 * (cb - 128)});
  }

  /** area = F^2: source index s is channel s % area of plane s / area. */
  private static void assertDcOnly(DctFeatures features, int area, double[] dcPerPlane) {
    for (int c = 0; c < features.channelCount(); c++) {
      int source = features.sourceIndices()[c];
      double expected = source % area == 0 ? dcPerPlane[source / area] : 0;
      for (double v : features.channels()[c]) {
        assertThat(v).as("channel %d (source %d)", c, source).isCloseTo(expected, within(1e-6));
      }
    }
  }

  @Test
  void greyImagesKeepTheLumaChannelsAndLoseNoEnergy() {
    double[] plane = new double[28 * 28];
    for (int k = 0; k < plane.length; k++) {
      plane[k] = random.nextInt(256);
    }
    DctFeatures features = new DctFrontEnd(DctSettings.mnist()).transform(new PixelImage(28, 28,
        new double[][] {plane}));
    assertThat(features.channelCount()).isEqualTo(16);
    assertThat(features.channels()[0]).hasSize(7 * 7);
    double pixels = Arrays.stream(plane).map(v -> (v - 128) * (v - 128)).sum();
    double coefficients = Arrays.stream(features.toArray()).map(v -> v * v).sum();
    assertThat(coefficients).isCloseTo(pixels, within(TOLERANCE * pixels));
    assertThat(CoefficientMaps.inverse(new BlockDct(4), features.channels(), 28, 28))
        .containsExactly(plane, within(TOLERANCE));
  }

  @Test
  void normalisedChannelsHaveZeroMeanAndUnitSpread() {
    DctFrontEnd frontEnd = new DctFrontEnd(DctSettings.cifar());
    List<DctFeatures> samples = List.of(frontEnd.transform(randomColour(32, 32)),
        frontEnd.transform(randomColour(32, 32)), frontEnd.transform(randomColour(32, 32)));
    ChannelNormaliser normaliser = ChannelNormaliser.fit(samples);
    List<DctFeatures> normalised = samples.stream().map(normaliser::apply).toList();
    for (int c = 0; c < 24; c++) {
      int channel = c;
      double[] all = normalised.stream().flatMapToDouble(f -> Arrays.stream(f.channels()[channel])).toArray();
      double mean = Arrays.stream(all).average().orElseThrow();
      double variance = Arrays.stream(all).map(v -> (v - mean) * (v - mean)).average().orElseThrow();
      assertThat(mean).isCloseTo(0, within(1e-9));
      assertThat(variance).isCloseTo(1, within(1e-9));
    }
  }
}

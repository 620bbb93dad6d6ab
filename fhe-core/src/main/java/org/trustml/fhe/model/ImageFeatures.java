package org.trustml.fhe.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.trustml.fhe.dct.ChannelNormaliser;
import org.trustml.fhe.dct.ChannelPattern;
import org.trustml.fhe.dct.ColourSpace;
import org.trustml.fhe.dct.DctFeatures;
import org.trustml.fhe.dct.DctFrontEnd;
import org.trustml.fhe.dct.DctSettings;
import org.trustml.fhe.dct.Images;
import org.trustml.fhe.dct.PixelImage;

/**
 * The client's input pipeline: either the DCT front-end (for grey 28 x 28 images, F = 4, S = 7 and a kept subset of
 * luma channels; or any {@link DctSettings}, e.g. CIFAR-10's colour channels) or plain pixels (every plane), optionally
 * 2 x 2 averaged; then per-channel standardisation fitted on training images. One feature vector per image, channel-major: with throughput packing
 * each feature becomes one ciphertext, so the vector's length is what the encrypted network pays for.
 */
public final class ImageFeatures {

  /** The DCT-CryptoNets low-frequency luma channels of a 4 x 4 block kept by default: zig-zag order's first six. */
  public static final int[] LOW_FREQUENCY_6 = {0, 1, 2, 4, 5, 8};

  private final String description;
  private final DctFrontEnd frontEnd; // null for pixels
  private final int pixelSide;
  private final boolean commonScale;
  private final ChannelNormaliser normaliser;

  private ImageFeatures(String description, DctFrontEnd frontEnd, int pixelSide, boolean commonScale,
      ChannelNormaliser normaliser) {
    this.description = description;
    this.frontEnd = frontEnd;
    this.pixelSide = pixelSide;
    this.commonScale = commonScale;
    this.normaliser = normaliser;
  }

  /** DCT features, F = 4 and S = 7, keeping {@code lumaChannels} (u * 4 + v); not fitted yet. */
  public static ImageFeatures dct(int[] lumaChannels) {
    ChannelPattern pattern = new ChannelPattern(4, lumaChannels, new int[0]);
    return new ImageFeatures("dct:F=4,S=7,luma=" + Arrays.toString(lumaChannels),
        new DctFrontEnd(new DctSettings(4, 7, pattern, 1.0)), 0, false, null);
  }

  /** The DCT front-end with any settings, e.g. colour, each channel standardised on its own; not fitted yet. */
  public static ImageFeatures dct(DctSettings settings) {
    return dct(settings, false);
  }

  /**
   * The DCT front-end with any settings; {@code commonScale}: channels centred and divided by one common scale
   * ({@link ChannelNormaliser#withCommonScale()}) instead of standardised each on its own; not fitted yet.
   */
  public static ImageFeatures dct(DctSettings settings, boolean commonScale) {
    return new ImageFeatures("dct:F=" + settings.blockSize() + ",S=" + settings.mapSize() + ",luma="
        + Arrays.toString(settings.pattern().luma()) + ",chroma=" + Arrays.toString(settings.pattern().chroma())
        + (commonScale ? ",scale=common" : ""), new DctFrontEnd(settings), 0, commonScale, null);
  }

  /**
   * Every plane's pixels at {@code side}: images of that side as they are, images of twice that side 2 x 2 averaged
   * (28 x 28 MNIST to 14, 32 x 32 CIFAR to 16); not fitted yet.
   */
  public static ImageFeatures pixels(int side) {
    if (side < 1) {
      throw new IllegalArgumentException("pixel side must be positive, got " + side);
    }
    return new ImageFeatures("pixels:" + side + "x" + side, null, side, false, null);
  }

  /** The same pipeline with per-channel statistics from the first {@code count} images of {@code train}. */
  public ImageFeatures fit(Images train, int count) {
    List<DctFeatures> sample = new ArrayList<>(count);
    for (int i = 0; i < Math.min(count, train.count()); i++) {
      sample.add(maps(train, i));
    }
    ChannelNormaliser fitted = ChannelNormaliser.fit(sample);
    return new ImageFeatures(description, frontEnd, pixelSide, commonScale,
        commonScale ? fitted.withCommonScale() : fitted);
  }

  /**
   * A fitted pipeline rebuilt from what {@link #description()} and {@link #normaliser()} recorded, so a client
   * computes exactly the inputs the network was trained on. Only the grey pipelines {@link #dct(int[])} and
   * {@link #pixels(int)} can be rebuilt from their description.
   *
   * @throws IllegalArgumentException for another description, or statistics of the wrong length
   */
  public static ImageFeatures restore(String description, double[] means, double[] stds) {
    ImageFeatures pipeline;
    java.util.regex.Matcher dct = java.util.regex.Pattern.compile("dct:F=4,S=7,luma=\\[([0-9, ]+)]")
        .matcher(description);
    java.util.regex.Matcher pixels = java.util.regex.Pattern.compile("pixels:([0-9]+)x\\1").matcher(description);
    if (dct.matches()) {
      pipeline = dct(Arrays.stream(dct.group(1).split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray());
    } else if (pixels.matches()) {
      pipeline = pixels(Integer.parseInt(pixels.group(1)));
    } else {
      throw new IllegalArgumentException("cannot rebuild the feature pipeline '" + description + "': expected "
          + "'dct:F=4,S=7,luma=[...]' or 'pixels:<side>x<side>'");
    }
    int channels = pipeline.frontEnd != null ? pipeline.frontEnd.settings().pattern().luma().length : 1;
    if (means.length != channels) {
      throw new IllegalArgumentException(description + " has " + channels + " channels, the statistics "
          + means.length);
    }
    return new ImageFeatures(description, pipeline.frontEnd, pipeline.pixelSide, false,
        ChannelNormaliser.of(means, stds));
  }

  /** What the pipeline computes, e.g. {@code dct:F=4,S=7,luma=[0, 1, 2, 4, 5, 8]}. */
  public String description() {
    return description;
  }

  /** The fitted per-channel statistics (what a client needs to reproduce the inputs); null before fitting. */
  public ChannelNormaliser normaliser() {
    return normaliser;
  }

  /** Normalised features of images {@code from .. from + count - 1}. */
  public double[][] transform(Images images, int from, int count) {
    if (normaliser == null) {
      throw new IllegalStateException("fit the pipeline on training images first");
    }
    double[][] out = new double[count][];
    for (int i = 0; i < count; i++) {
      out[i] = normaliser.apply(maps(images, from + i)).toArray();
    }
    return out;
  }

  private DctFeatures maps(Images images, int i) {
    PixelImage image = images.image(i);
    if (frontEnd != null) {
      return frontEnd.transform(image); // resized and cropped to F * S as the front-end defines
    }
    if (image.height() != image.width() || (image.height() != pixelSide && image.height() != 2 * pixelSide)) {
      throw new IllegalArgumentException("pixels at side " + pixelSide + " need square images of side " + pixelSide
          + " or " + 2 * pixelSide + ", got " + image.height() + " x " + image.width());
    }
    double[][] planes = new double[image.planes().length][];
    int[] indices = new int[planes.length];
    for (int p = 0; p < planes.length; p++) {
      planes[p] = image.height() == pixelSide ? image.planes()[p]
          : ColourSpace.subsample(image.planes()[p], image.height(), image.width());
      indices[p] = p;
    }
    return new DctFeatures(pixelSide, planes, indices);
  }
}

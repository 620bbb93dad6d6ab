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
import org.trustml.fhe.dct.LabelledImages;

/**
 * The client's input pipeline for grey 28 x 28 images (MNIST, Fashion-MNIST): either the DCT front-end (F = 4, S = 7,
 * a kept subset of luma channels) or plain pixels, optionally 2 x 2 averaged to 14 x 14; then per-channel
 * standardisation fitted on training images. One feature vector per image, channel-major: with throughput packing
 * each feature becomes one ciphertext, so the vector's length is what the encrypted network pays for.
 */
public final class ImageFeatures {

  /** The DCT-CryptoNets low-frequency luma channels of a 4 x 4 block kept by default: zig-zag order's first six. */
  public static final int[] LOW_FREQUENCY_6 = {0, 1, 2, 4, 5, 8};

  private static final int SIDE = 28;

  private final String description;
  private final DctFrontEnd frontEnd; // null for pixels
  private final int pixelSide;
  private final ChannelNormaliser normaliser;

  private ImageFeatures(String description, DctFrontEnd frontEnd, int pixelSide, ChannelNormaliser normaliser) {
    this.description = description;
    this.frontEnd = frontEnd;
    this.pixelSide = pixelSide;
    this.normaliser = normaliser;
  }

  /** DCT features, F = 4 and S = 7, keeping {@code lumaChannels} (u * 4 + v); not fitted yet. */
  public static ImageFeatures dct(int[] lumaChannels) {
    ChannelPattern pattern = new ChannelPattern(4, lumaChannels, new int[0]);
    return new ImageFeatures("dct:F=4,S=7,luma=" + Arrays.toString(lumaChannels),
        new DctFrontEnd(new DctSettings(4, 7, pattern, 1.0)), 0, null);
  }

  /** Pixels at side 28 (as loaded) or 14 (2 x 2 averages); not fitted yet. */
  public static ImageFeatures pixels(int side) {
    if (side != SIDE && side != SIDE / 2) {
      throw new IllegalArgumentException("pixel side must be 28 or 14, got " + side);
    }
    return new ImageFeatures("pixels:" + side + "x" + side, null, side, null);
  }

  /** The same pipeline with per-channel statistics from the first {@code count} images of {@code train}. */
  public ImageFeatures fit(LabelledImages train, int count) {
    List<DctFeatures> sample = new ArrayList<>(count);
    for (int i = 0; i < Math.min(count, train.count()); i++) {
      sample.add(maps(train, i));
    }
    return new ImageFeatures(description, frontEnd, pixelSide, ChannelNormaliser.fit(sample));
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
  public double[][] transform(LabelledImages images, int from, int count) {
    if (normaliser == null) {
      throw new IllegalStateException("fit the pipeline on training images first");
    }
    double[][] out = new double[count][];
    for (int i = 0; i < count; i++) {
      out[i] = normaliser.apply(maps(images, from + i)).toArray();
    }
    return out;
  }

  private DctFeatures maps(LabelledImages images, int i) {
    if (images.height() != SIDE || images.width() != SIDE) {
      throw new IllegalArgumentException("expected 28 x 28 images, got " + images.height() + " x " + images.width());
    }
    if (frontEnd != null) {
      return frontEnd.transform(images.image(i));
    }
    double[] plane = images.image(i).planes()[0];
    if (pixelSide != SIDE) {
      plane = ColourSpace.subsample(plane, SIDE, SIDE);
    }
    return new DctFeatures(pixelSide, new double[][] {plane}, new int[] {0});
  }
}

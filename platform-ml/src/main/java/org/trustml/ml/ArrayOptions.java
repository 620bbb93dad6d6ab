package org.trustml.ml;

/**
 * How IDX and NPY arrays become features.
 *
 * @param scaleBytes whether uint8 data (pixels) is divided by 255 into [0, 1]; other dtypes are never scaled
 * @param channelAxis whether a channel axis of size 1 is inserted after the first, so that N x H x W images become
 *     N x 1 x H x W as convolutions expect
 */
public record ArrayOptions(boolean scaleBytes, boolean channelAxis) {

  /** Values as stored, shape as stored. */
  public static ArrayOptions raw() {
    return new ArrayOptions(false, false);
  }

  /** Greyscale images for a convolutional network: uint8 scaled to [0, 1], N x 1 x H x W. */
  public static ArrayOptions images() {
    return new ArrayOptions(true, true);
  }
}

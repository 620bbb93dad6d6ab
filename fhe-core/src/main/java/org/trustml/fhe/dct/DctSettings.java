package org.trustml.fhe.dct;

/**
 * The front-end's configuration (design note §3): block size F, coefficient map side S, the kept channels, and the
 * resize ratio of step 1 (the shorter side becomes int(F * S * ratio) before the centre crop of F * S).
 *
 * @param blockSize   F
 * @param mapSize     S
 * @param pattern     kept channels, for blocks of F
 * @param resizeRatio at least 1; 1 resizes straight to F * S (an image already that size is left alone)
 */
public record DctSettings(int blockSize, int mapSize, ChannelPattern pattern, double resizeRatio) {

  /** Checks the combination. */
  public DctSettings {
    if (blockSize < 2 || mapSize < 1 || pattern.blockSize() != blockSize || !(resizeRatio >= 1)) {
      throw new IllegalArgumentException("invalid DCT settings: F = " + blockSize + ", S = " + mapSize + ", pattern F = "
          + pattern.blockSize() + ", ratio " + resizeRatio);
    }
  }

  /** ImageNet, DCT ResNet-18: F = 8, S = 56 (448 crop), 64 channels. */
  public static DctSettings imageNet() {
    return new DctSettings(8, 56, ChannelPattern.standard(8, 64), 1.15);
  }

  /** CIFAR-10, DCT ResNet-20: F = 4, S = 16 (64 crop: 32 x 32 upsampled), 24 channels. */
  public static DctSettings cifar() {
    return new DctSettings(4, 16, ChannelPattern.standard(4, 24), 1.15);
  }

  /**
   * CIFAR-10 at its own resolution, for small networks: F = 4, S = 8 (the 32 x 32 image as it is, no resize), the same
   * 24 channels as {@link #cifar()}: 24 x 8 x 8 = 1,536 features against 3,072 pixel values.
   */
  public static DctSettings cifarNative() {
    return new DctSettings(4, 8, ChannelPattern.standard(4, 24), 1.0);
  }

  /** MNIST and Fashion-MNIST (grey 28 x 28, no resize): F = 4, S = 7, all 16 luma channels. */
  public static DctSettings mnist() {
    return new DctSettings(4, 7, ChannelPattern.all(4), 1.0);
  }

  /** The crop side F * S. */
  public int cropSize() {
    return blockSize * mapSize;
  }
}

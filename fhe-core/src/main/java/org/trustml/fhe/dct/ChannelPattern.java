package org.trustml.fhe.dct;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Which DCT channels are kept: indices u * F + v (row-major inside the block) of the luma plane and of each chroma
 * plane (both chroma planes keep the same set). {@link #standard} is the note's {@code default} pattern table (§3,
 * step 4, from DCT-CryptoNets' code). Two entries are flagged there as suspect and are reproduced as given: the F = 8,
 * 6-channel luma set {0, 1, 4, 5} is the low-frequency corner of a 4 x 4 block, not of an 8 x 8 one; validate such
 * choices by accuracy.
 *
 * @param blockSize F
 * @param luma      kept luma channels, ascending
 * @param chroma    kept channels of each chroma plane, ascending
 */
public record ChannelPattern(int blockSize, int[] luma, int[] chroma) {

  /** Checks that every index lies in 0..F^2 - 1 and copies the arrays. */
  public ChannelPattern {
    luma = luma.clone();
    chroma = chroma.clone();
    for (int c : IntStream.concat(Arrays.stream(luma), Arrays.stream(chroma)).toArray()) {
      if (c < 0 || c >= blockSize * blockSize) {
        throw new IllegalArgumentException("channel " + c + " outside 0.." + (blockSize * blockSize - 1));
      }
    }
  }

  /** Kept luma channels (a copy). */
  @Override
  public int[] luma() {
    return luma.clone();
  }

  /** Kept channels of each chroma plane (a copy). */
  @Override
  public int[] chroma() {
    return chroma.clone();
  }

  /** Channels kept from a colour image: luma plus both chroma planes. */
  public int colourChannels() {
    return luma.length + 2 * chroma.length;
  }

  /** Every channel of every plane (F = 4: 48; F = 8: 192). */
  public static ChannelPattern all(int blockSize) {
    int[] every = IntStream.range(0, blockSize * blockSize).toArray();
    return new ChannelPattern(blockSize, every, every);
  }

  /**
   * The note's {@code default} pattern for F = 8 with 6, 12, 24, 32, 48, 64 or 192 channels, or F = 4 with 24 or 48.
   */
  public static ChannelPattern standard(int blockSize, int channels) {
    if (channels == 3 * blockSize * blockSize) {
      return all(blockSize);
    }
    if (blockSize == 4 && channels == 24) {
      return new ChannelPattern(4, join(range(0, 9), of(12, 13)), of(0, 1, 2, 4, 5, 8));
    }
    if (blockSize == 8) {
      switch (channels) {
        case 6:
          return new ChannelPattern(8, of(0, 1, 4, 5), of(0));
        case 12:
          return new ChannelPattern(8, of(0, 1, 2, 8, 9, 10, 16, 17), of(0, 8));
        case 24:
          return new ChannelPattern(8, join(range(0, 5), of(8, 9, 10, 16, 17, 18, 24, 32)), of(0, 1, 3, 8, 24));
        case 32:
          return new ChannelPattern(8, join(range(0, 4), range(8, 12), range(16, 20), range(24, 27), range(32, 34)),
              of(0, 1, 2, 8, 9));
        case 48:
          return new ChannelPattern(8, join(range(0, 5), range(8, 13), range(16, 21), range(24, 29), range(32, 35),
              range(40, 43)), of(0, 1, 2, 8, 9, 10, 16, 17));
        case 64:
          return new ChannelPattern(8, join(range(0, 6), range(8, 14), range(16, 21), range(24, 29), range(32, 37),
              range(40, 45), range(48, 53)), of(0, 1, 2, 8, 9, 10, 16, 17, 24, 25));
        default:
          break;
      }
    }
    throw new IllegalArgumentException("no default pattern for F = " + blockSize + " with " + channels
        + " channels; F = 8 has 6, 12, 24, 32, 48, 64, 192 and F = 4 has 24, 48");
  }

  private static int[] of(int... indices) {
    return indices;
  }

  /** first..last inclusive, as the note writes ranges. */
  private static int[] range(int first, int last) {
    return IntStream.rangeClosed(first, last).toArray();
  }

  private static int[] join(int[]... parts) {
    return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChannelPattern && ((ChannelPattern) o).blockSize == blockSize
        && Arrays.equals(((ChannelPattern) o).luma, luma) && Arrays.equals(((ChannelPattern) o).chroma, chroma);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * blockSize + Arrays.hashCode(luma)) + Arrays.hashCode(chroma);
  }

  @Override
  public String toString() {
    return "ChannelPattern[F=" + blockSize + ", luma=" + Arrays.toString(luma) + ", chroma="
        + Arrays.toString(chroma) + "]";
  }
}

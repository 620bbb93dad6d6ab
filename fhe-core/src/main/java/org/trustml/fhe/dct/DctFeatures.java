package org.trustml.fhe.dct;

/**
 * The front-end's output: the kept coefficient maps, each S x S row-major, in the order [Y | chroma 1 | chroma 2].
 * {@code sourceIndices[k]} names channel k among all 3 F^2 possible ones as plane * F^2 + (u * F + v), the indexing
 * of the note's normalisation tables (for F = 8: Y, 64 + Cb, 128 + Cr).
 *
 * @param mapSize       S
 * @param channels      the maps (not copied)
 * @param sourceIndices plane * F^2 + channel of each map (not copied)
 */
public record DctFeatures(int mapSize, double[][] channels, int[] sourceIndices) {

  /** Number of kept channels. */
  public int channelCount() {
    return channels.length;
  }

  /** All maps concatenated channel-major (channel, row, column): the tensor a network or an encoder takes. */
  public double[] toArray() {
    int area = mapSize * mapSize;
    double[] out = new double[channels.length * area];
    for (int c = 0; c < channels.length; c++) {
      System.arraycopy(channels[c], 0, out, c * area, area);
    }
    return out;
  }
}

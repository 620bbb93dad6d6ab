package org.trustml.fhe.dct;

import java.util.ArrayList;
import java.util.List;

/**
 * The DCT-CryptoNets front-end of the client SDK (design note §3; Roy & Roy, arXiv 2408.15231, after DCTNet):
 * <ol>
 *   <li>resize the shorter side to int(F S ratio) (aspect kept), centre-crop F S;</li>
 *   <li>colour: YCbCr with 4:2:0 chroma (2 x 2 averages). F = 8 follows the JPEG path: planes in JPEG's order
 *       Y, Cb, Cr and coefficients rounded (quality 100 quantises by one). F != 8 follows the OpenCV path: planes in
 *       OpenCV's order Y, Cr, Cb (kept, not swapped) and unrounded. Then level shift -128 and the orthonormal F x F
 *       block DCT-II, coefficient u F + v becoming channel u F + v;</li>
 *   <li>bilinear resize of every map to S x S (the chroma maps, S/2 x S/2, are upsampled x 2);</li>
 *   <li>keep the pattern's channels: its luma set of plane 0, its chroma set of planes 1 and 2.</li>
 * </ol>
 * Grey images (MNIST) have the luma plane only. Per-channel normalisation (step 5) is {@link ChannelNormaliser}.
 * Deviation: libjpeg's chroma filter may differ from the 2 x 2 average in the last bit; models are trained on this
 * pipeline, so only consistency matters. Immutable and thread-safe.
 */
public final class DctFrontEnd {

  private final DctSettings settings;
  private final BlockDct dct;

  /** A front-end for one configuration. */
  public DctFrontEnd(DctSettings settings) {
    this.settings = settings;
    this.dct = new BlockDct(settings.blockSize());
  }

  /** The configuration. */
  public DctSettings settings() {
    return settings;
  }

  /** The kept coefficient maps of {@code image} (not modified). */
  public DctFeatures transform(PixelImage image) {
    int crop = settings.cropSize();
    double[][] planes = new double[image.planes().length][];
    for (int p = 0; p < planes.length; p++) {
      planes[p] = resizeAndCrop(image.planes()[p], image.height(), image.width());
    }
    boolean jpegPath = settings.blockSize() == 8;
    List<double[][]> mapsPerPlane = new ArrayList<>();
    if (image.isColour()) {
      if (crop % 2 != 0 || (crop / 2) % settings.blockSize() != 0) {
        throw new IllegalArgumentException("colour needs an even S for 4:2:0 chroma, got S = " + settings.mapSize());
      }
      double[] r = planes[0];
      double[] g = planes[1];
      double[] b = planes[2];
      double[] cb = ColourSpace.subsample(ColourSpace.blueDifference(r, g, b), crop, crop);
      double[] cr = ColourSpace.subsample(ColourSpace.redDifference(r, g, b), crop, crop);
      mapsPerPlane.add(CoefficientMaps.forward(dct, ColourSpace.luma(r, g, b), crop, crop, jpegPath));
      for (double[] chroma : jpegPath ? new double[][] {cb, cr} : new double[][] {cr, cb}) {
        mapsPerPlane.add(upsample(CoefficientMaps.forward(dct, chroma, crop / 2, crop / 2, jpegPath)));
      }
    } else {
      mapsPerPlane.add(CoefficientMaps.forward(dct, planes[0], crop, crop, jpegPath));
    }
    return select(mapsPerPlane);
  }

  private double[] resizeAndCrop(double[] plane, int height, int width) {
    int crop = settings.cropSize();
    int shorter = (int) (crop * settings.resizeRatio());
    int newHeight = height <= width ? shorter : (int) ((long) shorter * height / width);
    int newWidth = height <= width ? (int) ((long) shorter * width / height) : shorter;
    double[] resized = Resampling.bilinear(plane, height, width, newHeight, newWidth);
    return Resampling.centreCrop(resized, newHeight, newWidth, crop, crop);
  }

  private double[][] upsample(double[][] maps) {
    int s = settings.mapSize();
    double[][] out = new double[maps.length][];
    for (int c = 0; c < maps.length; c++) {
      out[c] = Resampling.bilinear(maps[c], s / 2, s / 2, s, s);
    }
    return out;
  }

  private DctFeatures select(List<double[][]> mapsPerPlane) {
    ChannelPattern pattern = settings.pattern();
    int area = settings.blockSize() * settings.blockSize();
    List<double[]> kept = new ArrayList<>();
    List<Integer> sources = new ArrayList<>();
    for (int p = 0; p < mapsPerPlane.size(); p++) {
      for (int c : p == 0 ? pattern.luma() : pattern.chroma()) {
        kept.add(mapsPerPlane.get(p)[c]);
        sources.add(p * area + c);
      }
    }
    return new DctFeatures(settings.mapSize(), kept.toArray(new double[0][]),
        sources.stream().mapToInt(Integer::intValue).toArray());
  }
}

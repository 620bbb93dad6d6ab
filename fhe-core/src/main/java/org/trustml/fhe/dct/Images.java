package org.trustml.fhe.dct;

/** Labelled images of one size, grey or colour, as the front-ends and trainers read them. */
public interface Images {

  /** Number of images. */
  int count();

  /** Image i, pixel values 0..255. */
  PixelImage image(int i);

  /** One class per image (not copied). */
  int[] labels();
}

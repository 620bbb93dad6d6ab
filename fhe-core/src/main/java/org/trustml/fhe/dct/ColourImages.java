package org.trustml.fhe.dct;

import java.util.List;

/**
 * Labelled images held as {@link PixelImage}s, e.g. CIFAR-10's 32 x 32 RGB.
 *
 * @param images the images, all of one size
 * @param labels one class per image (not copied)
 */
public record ColourImages(List<PixelImage> images, int[] labels) implements Images {

  /** Checks the counts and that the sizes agree. */
  public ColourImages {
    images = List.copyOf(images);
    if (labels.length != images.size()) {
      throw new IllegalArgumentException(images.size() + " images need as many labels, got " + labels.length);
    }
    for (PixelImage image : images) {
      PixelImage first = images.get(0);
      if (image.height() != first.height() || image.width() != first.width()
          || image.planes().length != first.planes().length) {
        throw new IllegalArgumentException("images differ in size: " + image.height() + " x " + image.width() + " x "
            + image.planes().length + " against " + first.height() + " x " + first.width() + " x "
            + first.planes().length);
      }
    }
  }

  @Override
  public int count() {
    return images.size();
  }

  @Override
  public PixelImage image(int i) {
    return images.get(i);
  }

  /** The concatenation of this set and {@code other}. */
  public ColourImages concat(ColourImages other) {
    List<PixelImage> all = new java.util.ArrayList<>(images);
    all.addAll(other.images);
    int[] l = java.util.Arrays.copyOf(labels, labels.length + other.labels.length);
    System.arraycopy(other.labels, 0, l, labels.length, other.labels.length);
    return new ColourImages(all, l);
  }
}

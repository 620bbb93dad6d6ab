package org.trustml.ml;

/**
 * How the image-folder loader reads pictures.
 *
 * @param channels 1 (luma, ITU-R BT.601 weights) or 3 (RGB); alpha is dropped
 * @param height rows of every image; 0 to take the first image's size and require it of all
 * @param width columns of every image; 0 with {@code height} 0. Images of another size are resized (bilinear)
 *     when a size is given
 * @param maxPerClass the most images read per class (the first by file name); 0 for all
 */
public record ImageFolderOptions(int channels, int height, int width, int maxPerClass) {

  /** Checks the values. */
  public ImageFolderOptions {
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("channels must be 1 or 3, was " + channels);
    }
    if (height < 0 || width < 0 || (height == 0) != (width == 0)) {
      throw new IllegalArgumentException("height and width must both be 0 or both positive");
    }
    if (maxPerClass < 0) {
      throw new IllegalArgumentException("maxPerClass must be >= 0, was " + maxPerClass);
    }
  }

  /** RGB images, all of the first image's size, every file. */
  public static ImageFolderOptions rgb() {
    return new ImageFolderOptions(3, 0, 0, 0);
  }

  /** Greyscale images, all of the first image's size, every file. */
  public static ImageFolderOptions grey() {
    return new ImageFolderOptions(1, 0, 0, 0);
  }

  /** The same options, resizing every image to this size. */
  public ImageFolderOptions withSize(int rows, int columns) {
    return new ImageFolderOptions(channels, rows, columns, maxPerClass);
  }

  /** The same options, reading at most this many images per class. */
  public ImageFolderOptions withMaxPerClass(int max) {
    return new ImageFolderOptions(channels, height, width, max);
  }
}

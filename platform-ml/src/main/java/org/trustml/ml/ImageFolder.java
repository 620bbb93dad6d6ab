package org.trustml.ml;

import java.nio.file.Path;
import java.util.List;

/**
 * Images loaded from class folders.
 *
 * @param data N x C x H x W float32 in [0, 1], and N int32 class codes
 * @param classes the folder name of each code, sorted
 * @param files the file of each example, in row order
 */
public record ImageFolder(LabeledData data, List<String> classes, List<Path> files) {

  /** Copies the lists. */
  public ImageFolder {
    classes = List.copyOf(classes);
    files = List.copyOf(files);
  }
}

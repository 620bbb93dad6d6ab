package org.trustml.pruning.job;

import java.util.List;
import org.trustml.core.catalog.CatalogClient;
import org.trustml.core.catalog.DatasetDescriptor;

/**
 * The checks the image jobs ({@code pruning.embed}, {@code pruning.evaluate}) make on catalog IDX datasets before
 * queueing, from the catalog's recorded shapes alone: 400s naming the field.
 */
final class ImageDatasets {

  private ImageDatasets() {}

  /** An IDX dataset of n x H x W images. */
  static DatasetDescriptor images(CatalogClient catalog, String owner, String id, String field) {
    DatasetDescriptor d = idx(catalog, owner, id, field);
    if (d.shape() == null || d.shape().size() != 3) {
      throw PruningProblems.of("invalid-images", field, "images must be an IDX array n x H x W; dataset " + d.id()
          + " has shape " + d.shape());
    }
    return d;
  }

  /** An IDX vector with one label per image of {@code images}. */
  static DatasetDescriptor labels(CatalogClient catalog, String owner, String id, DatasetDescriptor images,
      String field) {
    DatasetDescriptor d = idx(catalog, owner, id, field);
    if (d.shape() == null || !d.shape().equals(List.of(images.shape().get(0)))) {
      throw PruningProblems.sizeMismatch(field, "dataset " + d.id() + " has shape " + d.shape() + "; the "
          + images.shape().get(0) + " images of " + images.id() + " need one label each");
    }
    return d;
  }

  /** The small CNN pools twice by 2. */
  static void requireCnnSize(DatasetDescriptor images, String field) {
    List<Integer> shape = images.shape();
    if (shape.get(1) % 4 != 0 || shape.get(2) % 4 != 0) {
      throw PruningProblems.of("invalid-images", field, "the small CNN pools twice by 2: H and W must be "
          + "divisible by 4; dataset " + images.id() + " is " + shape.get(1) + " x " + shape.get(2)
          + " (use architecture mlp)");
    }
  }

  private static DatasetDescriptor idx(CatalogClient catalog, String owner, String id, String field) {
    DatasetDescriptor d = EmbeddingsSource.dataset(catalog, owner, id, field);
    if (!"idx".equals(d.format())) {
      throw PruningProblems.of("unsupported-format", field, "dataset " + id + " is " + d.format()
          + "; the encoders read IDX images and labels");
    }
    return d;
  }
}

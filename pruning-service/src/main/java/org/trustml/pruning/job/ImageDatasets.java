package org.trustml.pruning.job;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.trustml.core.artifact.ArtifactStore;
import org.trustml.core.catalog.CatalogClient;
import org.trustml.core.catalog.DatasetDescriptor;
import org.trustml.core.dataset.ImageClass;
import org.trustml.core.dataset.IdxReader;
import org.trustml.ml.ArrayLoaders;
import org.trustml.ml.ArrayOptions;
import org.trustml.ml.ByteSource;
import org.trustml.ml.ImageFolderLoader;
import org.trustml.ml.ImageFolderOptions;
import org.trustml.ml.LabeledData;

/**
 * The image inputs of the image jobs ({@code pruning.embed}, {@code pruning.evaluate}): an IDX n x H x W uint8 array
 * with an IDX vector of labels, or an image-folder ZIP ({@code <class>/<image>}), which carries its labels: its class
 * folders, coded in sorted order. Checked before queueing from the catalog's recorded shapes and classes alone, with
 * 400s naming the field; loaded as N x C x H x W in [0, 1] with int class codes.
 */
final class ImageDatasets {

  static final String IDX = "idx";
  static final String IMAGE_FOLDER = "image-folder";

  private ImageDatasets() {}

  /**
   * Images and their labels as the catalog describes them.
   *
   * @param labels the IDX labels; null for an image folder
   */
  record Input(DatasetDescriptor images, DatasetDescriptor labels) {

    boolean folder() {
      return IMAGE_FOLDER.equals(images.format());
    }

    /** The datasets the job read, for lineage. */
    List<String> parents() {
      return labels == null ? List.of(images.id()) : List.of(images.id(), labels.id());
    }

    /** Channels, height and width of one image (1 channel for IDX). */
    List<Integer> imageShape() {
      List<Integer> s = images.shape();
      return folder() ? s.subList(1, 4) : List.of(1, s.get(1), s.get(2));
    }

    /** The class names in code order for an image folder; empty for IDX, whose labels are bare codes. */
    List<String> classNames() {
      return images.classes().stream().map(ImageClass::name).toList();
    }

    /** Images per class: an image folder's from the catalog, IDX's by reading the labels (a byte per image). */
    LabelCounts counts(ArtifactStore store, String labelsField) {
      if (folder()) {
        return LabelCounts.ofSizes(images.classes().stream().mapToInt(c -> (int) c.images()).toArray());
      }
      try (InputStream in = store.open(labels.artifact().sha256())) {
        return LabelCounts.of(IdxReader.readInts(in).data(), labelsField);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The images N x C x H x W in [0, 1] and their int codes, owned by {@code manager}. */
    LabeledData load(ArtifactStore store, NDManager manager) throws IOException {
      ByteSource source = ByteSource.of(store, images.artifact().sha256());
      if (folder()) {
        return ImageFolderLoader.load(source, new ImageFolderOptions(imageShape().get(0), 0, 0, 0), manager).data();
      }
      return ArrayLoaders.idx(source, ByteSource.of(store, labels.artifact().sha256()), manager,
          ArrayOptions.images());
    }
  }

  /**
   * Resolves and checks {@code images} and {@code labels}: IDX images need an IDX label per image; an image folder
   * takes no labels (it has them) and needs two classes.
   */
  static Input input(CatalogClient catalog, String owner, String imagesId, String labelsId, String imagesField,
      String labelsField) {
    DatasetDescriptor images = EmbeddingsSource.dataset(catalog, owner, imagesId, imagesField);
    boolean hasLabels = labelsId != null && !labelsId.isBlank();
    switch (images.format()) {
      case IMAGE_FOLDER -> {
        if (hasLabels) {
          throw PruningProblems.of("invalid-params", labelsField, "dataset " + images.id() + " is an image folder, "
              + "labelled by its class folders; omit " + labelsField.substring(labelsField.indexOf('.') + 1));
        }
        if (images.shape() == null || images.shape().size() != 4) {
          throw PruningProblems.of("invalid-images", imagesField, "an image folder is n x C x H x W; dataset "
              + images.id() + " has shape " + images.shape());
        }
        if (images.classes().size() < 2) {
          throw PruningProblems.of("invalid-images", imagesField, "dataset " + images.id() + " has "
              + images.classes().size() + " class folder; an encoder needs at least two");
        }
        return new Input(images, null);
      }
      case IDX -> {
        if (images.shape() == null || images.shape().size() != 3) {
          throw PruningProblems.of("invalid-images", imagesField, "images must be an IDX array n x H x W; dataset "
              + images.id() + " has shape " + images.shape());
        }
        if (!hasLabels) {
          throw PruningProblems.of("invalid-params", labelsField, "IDX images need their labels: an IDX dataset "
              + "of one label per image");
        }
        return new Input(images, labels(catalog, owner, labelsId, images, labelsField));
      }
      default -> throw PruningProblems.of("unsupported-format", imagesField, "dataset " + imagesId + " is "
          + images.format() + "; the encoders read IDX images with IDX labels, or an image folder (ZIP)");
    }
  }

  /** An IDX vector with one label per image of {@code images}. */
  private static DatasetDescriptor labels(CatalogClient catalog, String owner, String id, DatasetDescriptor images,
      String field) {
    DatasetDescriptor d = EmbeddingsSource.dataset(catalog, owner, id, field);
    if (!IDX.equals(d.format())) {
      throw PruningProblems.of("unsupported-format", field, "dataset " + id + " is " + d.format()
          + "; the labels of IDX images are an IDX vector");
    }
    if (d.shape() == null || !d.shape().equals(List.of(images.shape().get(0)))) {
      throw PruningProblems.sizeMismatch(field, "dataset " + d.id() + " has shape " + d.shape() + "; the "
          + images.shape().get(0) + " images of " + images.id() + " need one label each");
    }
    return d;
  }

  /** The small CNN pools twice by 2. */
  static void requireCnnSize(Input input, String field) {
    List<Integer> chw = input.imageShape();
    if (chw.get(1) % 4 != 0 || chw.get(2) % 4 != 0) {
      throw PruningProblems.of("invalid-images", field, "the small CNN pools twice by 2: H and W must be "
          + "divisible by 4; dataset " + input.images().id() + " is " + chw.get(1) + " x " + chw.get(2)
          + " (use architecture mlp)");
    }
  }
}

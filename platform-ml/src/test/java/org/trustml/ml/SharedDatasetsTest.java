package org.trustml.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trustml.core.dataset.CsvOptions;

/**
 * The loaders on the real files in shared/datasets, when they are there: property {@code trustml.datasets.dir}, else
 * {@code ../shared/datasets} beside the repository. Each test is skipped with a message when its files are absent.
 */
class SharedDatasetsTest {

  static final List<String> ADULT_COLUMNS =
      List.of("age", "workclass", "fnlwgt", "education", "education-num", "marital-status", "occupation",
          "relationship", "race", "sex", "capital-gain", "capital-loss", "hours-per-week", "native-country", "income");

  private static MlEngine ml;

  @BeforeAll
  static void engine() {
    ml = MlEngine.start(MlSettings.defaults());
  }

  static Path datasets() {
    String property = System.getProperty("trustml.datasets.dir");
    if (property != null && !property.isBlank()) {
      return Paths.get(property);
    }
    // run from the module folder (Maven) or from the repository root (an IDE)
    Path here = Paths.get("").toAbsolutePath();
    Path fromModule = here.resolve("../../shared/datasets").normalize();
    return Files.isDirectory(fromModule) ? fromModule : here.resolve("../shared/datasets").normalize();
  }

  static Path require(String relative) {
    Path file = datasets().resolve(relative);
    assumeTrue(Files.exists(file), "skipped: " + file + " is not there (set -Dtrustml.datasets.dir)");
    return file;
  }

  @Test
  void adultLoadsWithItsProtectedColumnsKeptApart() throws Exception {
    Path adult = require("adult/adult.data");
    TabularOptions options =
        TabularOptions.defaults().withCsv(CsvOptions.defaults().withColumnNames(ADULT_COLUMNS).withTrimFields(true));

    TabularTable all =
        TabularLoader.load(
            ByteSource.of(adult), ColumnRoles.of("income", "sex", "race"),
            options.withMissing(MissingValuePolicy.IMPUTE));
    TabularTable complete =
        TabularLoader.load(ByteSource.of(adult), ColumnRoles.of("income", "sex", "race"), options.withStandardize(true));

    assertThat(all.rows()).isEqualTo(32_561);
    assertThat(all.droppedRows()).isZero();
    // 2,399 rows have a '?' somewhere: dropping them leaves the usual 30,162
    assertThat(complete.rows()).isEqualTo(30_162);
    assertThat(complete.droppedRows()).isEqualTo(2_399);
    assertThat(complete.encoding().classes()).containsExactly("<=50K", ">50K");
    assertThat(countOf(complete.labelCodes(), 1)).isEqualTo(7_508);
    assertThat(countOf(all.labelCodes(), 1)).isEqualTo(7_841);
    assertThat(complete.protectedAttributes().get(0).categories()).containsExactly("Female", "Male");
    assertThat(complete.protectedAttributes().get(1).categories()).hasSize(5);
    // 6 numeric columns + one-hot workclass 7, education 16, marital-status 7, occupation 14, relationship 6,
    // native-country 41; sex and race are not features
    assertThat(complete.width()).isEqualTo(97);
    assertThat(complete.encoding().featureNames()).doesNotContain("sex=Male").contains("workclass=Private");

    try (NDManager manager = ml.newManager()) {
      TabularDataset d = complete.toDataset(manager);
      assertThat(d.features().getShape()).isEqualTo(new Shape(30_162, 97));
      // standardised age: mean 0, population std 1
      float mean = d.features().get(":, 0").mean().getFloat();
      assertThat(mean).isBetween(-1e-4f, 1e-4f);
      assertThat(d.features().get(":, 0").pow(2).mean().getFloat()).isBetween(0.999f, 1.001f);
    }
  }

  @Test
  void mnistTestSetLoadsAsImagesAndLabels() throws Exception {
    Path images = require("mnist/t10k-images-idx3-ubyte.gz");
    Path labels = require("mnist/t10k-labels-idx1-ubyte.gz");

    try (NDManager manager = ml.newManager()) {
      LabeledData raw = ArrayLoaders.idx(ByteSource.of(images), ByteSource.of(labels), manager, ArrayOptions.raw());
      assertThat(raw.features().getShape()).isEqualTo(new Shape(10_000, 28, 28));
      assertThat(raw.features().max().getFloat()).isEqualTo(255f);
      int[] y = raw.labels().toIntArray();
      assertThat(y).hasSize(10_000);
      // the canonical t10k set starts 7, 2, 1, 0, 4
      assertThat(java.util.Arrays.copyOf(y, 5)).containsExactly(7, 2, 1, 0, 4);

      LabeledData scaled =
          ArrayLoaders.idx(ByteSource.of(images), ByteSource.of(labels), manager, ArrayOptions.images());
      assertThat(scaled.features().getShape()).isEqualTo(new Shape(10_000, 1, 28, 28));
      assertThat(scaled.features().max().getFloat()).isEqualTo(1f);
    }
  }

  @Test
  void cifarJpegFoldersLoadAsAnImageFolder() throws Exception {
    Path root = require("cifar10/test-jpeg");

    try (NDManager manager = ml.newManager()) {
      ImageFolder f = ImageFolderLoader.load(root, ImageFolderOptions.rgb().withMaxPerClass(20), manager);

      assertThat(f.classes())
          .containsExactly("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");
      assertThat(f.data().features().getShape()).isEqualTo(new Shape(200, 3, 32, 32));
      assertThat(f.data().labels().toIntArray()[199]).isEqualTo(9);
      assertThat(f.data().features().min().getFloat()).isGreaterThanOrEqualTo(0f);
      assertThat(f.data().features().max().getFloat()).isLessThanOrEqualTo(1f);
    }
  }

  private static long countOf(int[] values, int v) {
    return java.util.Arrays.stream(values).filter(x -> x == v).count();
  }
}

package org.trustml.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.artifact.ArtifactRef;
import org.trustml.core.artifact.FileSystemArtifactStore;

class ModelStoreTest {

  private static MlEngine ml;

  @TempDir Path root;
  private FileSystemArtifactStore store;

  @BeforeAll
  static void engine() {
    ml = MlEngine.start(MlSettings.defaults());
  }

  @BeforeEach
  void store() throws Exception {
    store = new FileSystemArtifactStore(root, 64L << 20);
  }

  @Test
  void aSavedMlpLoadsBackAndPredictsExactlyTheSame() throws Exception {
    ModelSpec spec = ModelSpec.mlp(4, 16, 3);
    try (NDManager data = ml.newManager(); Model model = ml.newModel("mlp", spec.newBlock())) {
      LabeledData train = Blobs.gaussian(data, 300, 4, 3, 1);
      TrainingLoop.fit(
          model, train, TrainingSpec.classification(OptimizerSpec.adam(0.05f), 32, 2, 5), ProgressListener.NONE,
          CancellationCheck.NONE);
      float[][] expected = Inference.outputs(model, train.features(), 64);

      SavedModel saved = ModelStore.save(store, model, spec, ml.info(), "classifier");

      assertThat(saved.parameters().mediaType()).isEqualTo(ModelStore.PARAMETERS_MEDIA_TYPE);
      assertThat(saved.parameters().name()).isEqualTo("classifier.params");
      assertThat(saved.manifest().name()).isEqualTo("classifier.model.json");
      String manifest = new String(store.readAllBytes(saved.manifest().sha256()), StandardCharsets.UTF_8);
      assertThat(manifest)
          .contains("\"format\":\"" + ModelStore.FORMAT + "\"")
          .contains(saved.parameters().sha256())
          .contains("\"engine-version\":\"2.7.1\"")
          .contains(spec.toJson());
      assertThat(ModelStore.readSpec(store, saved.manifest().sha256())).isEqualTo(spec);

      try (Model loaded = ModelStore.load(store, saved.manifest().sha256(), spec, ml)) {
        assertThat(Inference.outputs(loaded, train.features(), 64)).isDeepEqualTo(expected);
      }
    }
  }

  @Test
  void aSavedCnnLoadsBackToo() throws Exception {
    ModelSpec spec = ModelSpec.smallCnn(1, 8, 8, 2);
    try (NDManager data = ml.newManager(); Model model = ml.newModel("cnn", spec.newBlock())) {
      LabeledData train = Blobs.bars(data, 64, 1);
      TrainingLoop.fit(
          model, train, TrainingSpec.classification(OptimizerSpec.sgd(0.1f), 16, 1, 5), ProgressListener.NONE,
          CancellationCheck.NONE);
      SavedModel saved = ModelStore.save(store, model, spec, ml.info(), "cnn");

      try (Model loaded = ModelStore.load(store, saved.manifest().sha256(), spec, ml)) {
        assertThat(Inference.outputs(loaded, train.features(), 64))
            .isDeepEqualTo(Inference.outputs(model, train.features(), 64));
      }
    }
  }

  @Test
  void refusesAnotherArchitectureAndDamagedContent() throws Exception {
    ModelSpec spec = ModelSpec.mlp(4, 8, 3);
    SavedModel saved;
    try (NDManager data = ml.newManager(); Model model = ml.newModel("mlp", spec.newBlock())) {
      TrainingLoop.fit(
          model, Blobs.gaussian(data, 30, 4, 3, 1), TrainingSpec.classification(OptimizerSpec.sgd(0.1f), 10, 1, 1),
          ProgressListener.NONE, CancellationCheck.NONE);
      saved = ModelStore.save(store, model, spec, ml.info(), "m");
    }
    String manifest = saved.manifest().sha256();

    assertThatThrownBy(() -> ModelStore.load(store, manifest, ModelSpec.mlp(4, 16, 3), ml))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"hidden\":8")
        .hasMessageContaining("\"hidden\":16");
    // the stored spec with a factory that builds something else: the parameters do not fit
    assertThatThrownBy(() -> ModelStore.load(store, manifest, null, ml, s -> Models.mlp(4, 16, 3)))
        .isInstanceOf(MalformedModelException.class);
    ArtifactRef notAManifest = store.putText("{\"hello\":1}", "application/json", "x.json");
    assertThatThrownBy(() -> ModelStore.load(store, notAManifest.sha256(), spec, ml))
        .isInstanceOf(MalformedModelException.class)
        .hasMessageContaining("not a " + ModelStore.FORMAT);
    // null accepts whatever is stored
    try (Model loaded = ModelStore.load(store, manifest, null, ml)) {
      assertThat(loaded.getBlock().getParameters().size()).isEqualTo(4);
    }
  }

  @Test
  void specJsonIsCanonicalAndRoundTrips() {
    ModelSpec spec = ModelSpec.smallCnn(3, 32, 32, 10);

    assertThat(spec.toJson())
        .isEqualTo(
            "{\"architecture\":\"small-cnn\",\"config\":{\"channels\":3,\"classes\":10,\"height\":32,\"width\":32},"
                + "\"input-shape\":[3,32,32]}");
    assertThat(ModelSpec.fromJson(spec.toJson())).isEqualTo(spec);
    assertThat(spec.batchShape(5).getShape()).containsExactly(5, 3, 32, 32);
    assertThatThrownBy(() -> new ModelSpec("x", java.util.Map.of(), java.util.List.of(0L)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Models.build(new ModelSpec("transformer", java.util.Map.of(), java.util.List.of(4L))))
        .hasMessageContaining("'transformer'");
  }
}

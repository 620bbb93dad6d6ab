package org.trustml.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The real MNIST files (gzip-compressed IDX) from the shared datasets folder. */
class MnistTest {

  @Test
  void inspectsTestImages() throws IOException {
    try (InputStream in = Files.newInputStream(TestFiles.dataset("mnist/t10k-images-idx3-ubyte.gz"))) {
      DatasetSummary s = IdxInspector.inspect(in);
      assertThat(s.shape()).containsExactly(10_000, 28, 28);
      assertThat(s.rows()).isEqualTo(10_000);
      assertThat(s.columns()).isEqualTo(784);
      assertThat(s.dtype()).isEqualTo("uint8");
    }
  }

  @Test
  void loadsTestImagesAndLabels() throws IOException {
    IdxArray images;
    try (InputStream in = Files.newInputStream(TestFiles.dataset("mnist/t10k-images-idx3-ubyte.gz"))) {
      images = IdxArray.read(in);
    }
    assertThat(images.shape()).containsExactly(10_000, 28, 28);
    assertThat(images.data()).hasSize(7_840_000);
    float max = 0;
    for (float v : images.data()) {
      max = Math.max(max, v);
    }
    assertThat(max).isEqualTo(255f);

    IdxIntArray labels;
    try (InputStream in = Files.newInputStream(TestFiles.dataset("mnist/t10k-labels-idx1-ubyte.gz"))) {
      labels = IdxIntArray.read(in);
    }
    assertThat(labels.shape()).containsExactly(10_000);
    int[] counts = new int[10];
    for (int label : labels.data()) {
      counts[label]++;
    }
    // per-class counts as listed in the dataset's MANIFEST.md
    assertThat(counts).containsExactly(980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009);
  }

  @Test
  void detectsAndInspectsTrainLabelsThroughTheFacade() throws IOException {
    try (InputStream in = Files.newInputStream(TestFiles.dataset("mnist/train-labels-idx1-ubyte.gz"))) {
      DatasetSummary s = DatasetInspector.inspect("train-labels-idx1-ubyte.gz", in);
      assertThat(s.format()).isEqualTo(DatasetFormat.IDX);
      assertThat(s.shape()).containsExactly(60_000);
    }
  }
}

package org.trustml.ml;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.InputStream;
import org.trustml.core.dataset.IdxArray;
import org.trustml.core.dataset.IdxIntArray;
import org.trustml.core.dataset.IdxReader;
import org.trustml.core.dataset.NpyArray;
import org.trustml.core.dataset.NpyReader;
import org.trustml.core.web.ProblemException;

/**
 * Loads array datasets stored as a pair of files, examples and labels, into NDArrays through platform-core's IDX
 * and NPY readers (gzip-compressed files included): MNIST-style IDX pairs and NumPy {@code X.npy}/{@code y.npy}
 * pairs. Features become float32; integer labels int32 codes, float labels float32.
 */
public final class ArrayLoaders {

  private ArrayLoaders() {}

  /**
   * Loads an IDX pair such as {@code t10k-images-idx3-ubyte.gz} and {@code t10k-labels-idx1-ubyte.gz}.
   *
   * @param manager owns the arrays
   * @throws org.trustml.core.web.ProblemException {@code malformed-idx} as platform-core's reader reports it
   * @throws IllegalArgumentException if the labels are not one per example
   */
  public static LabeledData idx(ByteSource examples, ByteSource labels, NDManager manager, ArrayOptions options)
      throws IOException {
    IdxArray x;
    try (InputStream in = examples.open()) {
      x = IdxReader.readFloats(in);
    }
    IdxIntArray y;
    try (InputStream in = labels.open()) {
      y = IdxReader.readInts(in);
    }
    requireLabelsFor(x.shape(), y.shape());
    return new LabeledData(features(x.data(), x.shape(), x.dtype(), manager, options), manager.create(y.data()));
  }

  /**
   * Loads an NPY pair: examples of any numeric dtype and labels of an integer, bool or float dtype.
   *
   * @param manager owns the arrays
   * @throws org.trustml.core.web.ProblemException {@code malformed-npy} as platform-core's reader reports it
   * @throws IllegalArgumentException if the labels are not one per example
   */
  public static LabeledData npy(ByteSource examples, ByteSource labels, NDManager manager, ArrayOptions options)
      throws IOException {
    NpyArray x;
    try (InputStream in = examples.open()) {
      x = NpyReader.readFloats(in);
    }
    if (x.shape().length == 0) {
      throw new IllegalArgumentException("the examples are a 0-d scalar, not an array of rows");
    }
    NDArray y = npyLabels(labels, x.shape(), manager);
    return new LabeledData(features(x.data(), x.shape(), x.dtype(), manager, options), y);
  }

  private static NDArray npyLabels(ByteSource labels, int[] exampleShape, NDManager manager) throws IOException {
    // integer labels load exactly as ints; the reader refuses float dtypes, which then load as floats
    try (InputStream in = labels.open()) {
      var codes = NpyReader.readInts(in);
      requireLabelsFor(exampleShape, codes.shape());
      return manager.create(codes.data());
    } catch (ProblemException e) {
      if (!"unsupported-format".equals(e.code())) {
        throw e;
      }
    }
    try (InputStream in = labels.open()) {
      NpyArray values = NpyReader.readFloats(in);
      requireLabelsFor(exampleShape, values.shape());
      return manager.create(values.data());
    }
  }

  private static NDArray features(float[] data, int[] shape, String dtype, NDManager manager, ArrayOptions options) {
    if (options.scaleBytes() && "uint8".equals(dtype)) {
      for (int i = 0; i < data.length; i++) {
        data[i] /= 255f;
      }
    }
    long[] dims = new long[shape.length + (options.channelAxis() ? 1 : 0)];
    int d = 0;
    dims[d++] = shape[0];
    if (options.channelAxis()) {
      dims[d++] = 1;
    }
    for (int i = 1; i < shape.length; i++) {
      dims[d++] = shape[i];
    }
    return manager.create(data, new Shape(dims));
  }

  private static void requireLabelsFor(int[] exampleShape, int[] labelShape) {
    if (labelShape.length != 1 || exampleShape.length == 0 || labelShape[0] != exampleShape[0]) {
      throw new IllegalArgumentException(
          "expected one label per example (shape (" + (exampleShape.length == 0 ? "?" : exampleShape[0])
              + ",)) but the labels have shape " + java.util.Arrays.toString(labelShape));
    }
  }
}

package org.trustml.fhe.plan;

import java.util.ArrayList;
import java.util.List;
import org.trustml.fhe.ckks.CkksParameters;
import org.trustml.fhe.model.DenseLayer;
import org.trustml.fhe.model.Layer;
import org.trustml.fhe.model.PolyNetwork;
import org.trustml.fhe.model.SquareLayer;

/**
 * Compiles a {@link PolyNetwork} into an {@link EvaluationPlan} for throughput packing (CryptoNets, design note §5.5.1:
 * one ciphertext per feature, one image per slot, no rotations). The schedule:
 * <ul>
 *   <li>a dense layer but the last multiplies by its weights rounded at exactly q_l (the prime at its level), sums,
 *       rescales by q_l (so the scale comes back to what it was, exactly) and adds the bias at that scale;</li>
 *   <li>a square multiplies, relinearises and rescales: scale s becomes s^2 / q_l;</li>
 *   <li>the last dense layer does not rescale (its output is only decrypted): its weights are rounded at 2^k with k as
 *       large as the level's headroom allows, up to {@link PlanOptions#maxFactorBits()}.</li>
 * </ul>
 * Every step is checked: levels left, value * scale below Q_level / 2 for values up to 2^valueBits, scales at least
 * 2^minLogScale, weights rounded to at least {@link PlanOptions#MIN_FACTOR_BITS} bits. A network that does not fit
 * is refused with the reason.
 */
public final class PlanCompiler {

  private PlanCompiler() {}

  /** Levels a network consumes: one per square and per dense layer but the last. */
  public static int depth(PolyNetwork network) {
    return network.layers().size() - 1;
  }

  /**
   * The smallest of the engine's parameter sets with at least {@code depth} levels: {@link CkksParameters#test()}
   * (N = 2^13, 2 levels, 4,096 images per batch) or {@link CkksParameters#cryptonets()} (N = 2^14, 7 levels), the
   * shared instances of {@link ParameterSets}.
   *
   * @throws IllegalArgumentException for a depth above 7 (no bootstrapping)
   */
  public static CkksParameters chooseParameters(int depth) {
    if (depth < 0) {
      throw new IllegalArgumentException("depth must be >= 0, was " + depth);
    }
    if (depth <= 2) {
      return ParameterSets.byName(ParameterSets.TEST);
    }
    if (depth <= 7) {
      return ParameterSets.byName(ParameterSets.CRYPTONETS);
    }
    throw new IllegalArgumentException("depth " + depth + " exceeds the 7 levels of the largest parameter set "
        + "(cryptonets, N = 2^14); there is no bootstrapping: use fewer layers");
  }

  /** {@link #compile(PolyNetwork, CkksParameters, PlanOptions)} with parameters chosen from the depth. */
  public static EvaluationPlan compile(PolyNetwork network, PlanOptions options) {
    return compile(network, chooseParameters(depth(network)), options);
  }

  /**
   * Compiles {@code network} for {@code params}.
   *
   * @throws IllegalArgumentException if the network needs more levels than the parameters have, or a step would
   *     overflow its modulus, fall below the minimum scale or round weights too coarsely
   */
  public static EvaluationPlan compile(PolyNetwork network, CkksParameters params, PlanOptions options) {
    int depth = depth(network);
    if (depth > params.maxLevel()) {
      throw new IllegalArgumentException("the network needs depth " + depth + " but " + params + " has "
          + params.maxLevel() + " levels; choose parameters with PlanCompiler.chooseParameters(" + depth + ")");
    }
    int level = depth;
    double scale = Math.scalb(1.0, options.inputLogScale());
    checkHeadroom("input", params, level, scale, options);
    List<PlanStep> steps = new ArrayList<>();
    List<long[][]> factors = new ArrayList<>();
    List<Layer> layers = network.layers();
    int width = network.inputSize();
    for (int i = 0; i < layers.size(); i++) {
      Layer layer = layers.get(i);
      String where = "layer " + i;
      if (layer instanceof SquareLayer) {
        double product = scale * scale;
        double headroom = checkHeadroom(where + " (square)", params, level, product, options);
        double out = product / params.modulus(level).value();
        checkScale(where + " (square)", out, options);
        steps.add(new PlanStep(PlanStep.Kind.SQUARE, width, width, level, level - 1, scale, out, 0, true, 0, width,
            Math.min(headroom, checkHeadroom(where, params, level - 1, out, options))));
        factors.add(null);
        level--;
        scale = out;
      } else {
        DenseLayer dense = (DenseLayer) layer;
        boolean last = i == layers.size() - 1;
        double factorScale = last ? lastFactorScale(where, params, level, scale, options)
            : params.modulus(level).value();
        double product = scale * factorScale;
        double headroom = checkHeadroom(where + " (dense)", params, level, product, options);
        double out = last ? product : product / params.modulus(level).value();
        int levelOut = last ? level : level - 1;
        checkScale(where + " (dense)", out, options);
        headroom = Math.min(headroom, checkHeadroom(where, params, levelOut, out, options));
        long[][] rounded = round(where, dense, factorScale);
        steps.add(new PlanStep(PlanStep.Kind.DENSE, dense.inputs(), dense.outputs(), level, levelOut, scale, out,
            factorScale, !last, nonZero(rounded), 0, headroom));
        factors.add(rounded);
        level = levelOut;
        scale = out;
      }
      width = layer.outputSize(width);
    }
    return new EvaluationPlan(params, network, options, steps, factors);
  }

  private static double lastFactorScale(String where, CkksParameters params, int level, double scale,
      PlanOptions options) {
    int bits = (int) Math.floor(logQ(params, level) - 1 - EvaluationPlan.log2(scale) - options.valueBits());
    bits = Math.min(bits, options.maxFactorBits());
    if (bits < PlanOptions.MIN_FACTOR_BITS) {
      throw new IllegalArgumentException(where + ": the last layer's weights could only be rounded to " + bits
          + " bits at level " + level + " (scale 2^" + Math.round(EvaluationPlan.log2(scale)) + ", values up to 2^"
          + options.valueBits() + "); lower the input scale or the value bound, or use more levels");
    }
    return Math.scalb(1.0, bits);
  }

  private static long[][] round(String where, DenseLayer dense, double factorScale) {
    long[][] out = new long[dense.outputs()][dense.inputs()];
    for (int o = 0; o < out.length; o++) {
      for (int j = 0; j < out[o].length; j++) {
        double v = Math.rint(dense.weights()[o][j] * factorScale);
        if (!(Math.abs(v) < Math.scalb(1.0, 62))) {
          throw new IllegalArgumentException(where + ": weight " + dense.weights()[o][j] + " times 2^"
              + EvaluationPlan.log2(factorScale) + " does not fit 62 bits");
        }
        out[o][j] = (long) v;
      }
    }
    return out;
  }

  private static long nonZero(long[][] factors) {
    long count = 0;
    for (long[] row : factors) {
      for (long f : row) {
        if (f != 0) {
          count++;
        }
      }
    }
    return count;
  }

  /** log2(Q_level / 2) - log2(scale) - valueBits; refuses a negative result. */
  private static double checkHeadroom(String where, CkksParameters params, int level, double scale,
      PlanOptions options) {
    double headroom = logQ(params, level) - 1 - EvaluationPlan.log2(scale) - options.valueBits();
    if (headroom < 0) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "%s: values up to 2^%d at scale 2^%.2f overflow Q at level %d (2^%.1f); lower the input scale or the "
              + "value bound", where, options.valueBits(), EvaluationPlan.log2(scale), level, logQ(params, level)));
    }
    return headroom;
  }

  private static void checkScale(String where, double scale, PlanOptions options) {
    if (EvaluationPlan.log2(scale) < options.minLogScale()) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "%s: scale 2^%.2f falls below the minimum 2^%d, where rescaling noise would swamp the values; raise the "
              + "input scale", where, EvaluationPlan.log2(scale), options.minLogScale()));
    }
  }

  /** log2 of q_0 * ... * q_level. */
  static double logQ(CkksParameters params, int level) {
    double bits = 0;
    for (int i = 0; i <= level; i++) {
      bits += EvaluationPlan.log2(params.modulus(i).value());
    }
    return bits;
  }
}

package org.trustml.fhe.job;

import org.trustml.core.job.JobContext;
import org.trustml.fhe.ckks.Ciphertext;
import org.trustml.fhe.keys.EvaluationKeys;
import org.trustml.fhe.plan.LatencyEvaluator;
import org.trustml.fhe.plan.LatencyPlan;

/**
 * The inference job's latency-packed evaluation: every image's ciphertext through {@link LatencyEvaluator} in turn,
 * with the key set's relinearisation and Galois keys (evaluation keys only), progress per image and cancellation
 * between images.
 */
final class LatencyInference {

  private LatencyInference() {}

  /** One logits ciphertext per input (per image), in order. */
  static Ciphertext[] evaluate(LatencyPlan latency, EvaluationKeys keys, Ciphertext[] inputs, boolean parallel,
      JobContext ctx) {
    LatencyEvaluator evaluator = new LatencyEvaluator(latency, keys.relinearizationKey(), keys.galoisKeys(),
        parallel);
    Ciphertext[] logits = new Ciphertext[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      ctx.checkCancelled();
      ctx.progress(0.05 + 0.9 * i / inputs.length, "image " + (i + 1) + "/" + inputs.length);
      logits[i] = evaluator.evaluate(inputs[i]);
    }
    ctx.checkCancelled();
    return logits;
  }
}

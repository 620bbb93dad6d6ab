package org.trustml.fhe.job;

import java.util.List;
import org.trustml.core.web.ProblemException;
import org.trustml.fhe.ckks.Ciphertext;
import org.trustml.fhe.ckks.CiphertextBatch;
import org.trustml.fhe.ckks.CkksParameters;
import org.trustml.fhe.ckks.CkksSerializer;
import org.trustml.fhe.keys.KeySetRegistry;
import org.trustml.fhe.plan.ParameterSets;

/**
 * Checks a client's batch of input ciphertexts, each problem a 400 naming the ciphertext: a malformed container or
 * ciphertext, something that is not a ciphertext, another parameter set than the key set's, the wrong number for the
 * plan (throughput: one per feature; latency: one per image, at most the plan's batch size), a level or scale other
 * than the plan's input level and scale.
 */
public final class EncryptedInputs {

  private static final double SCALE_TOLERANCE = 1e-9;

  private EncryptedInputs() {}

  /** What a batch holds, from its headers alone. */
  public record Summary(int count, String parameterSet, String parameterId, int level, double scale) {}

  /** Checks the container and every ciphertext's header: one supported parameter set, one level and scale. */
  public static Summary summarize(byte[] batch, String field) {
    List<byte[]> parts = split(batch, field);
    if (parts.isEmpty()) {
      throw ProblemException.badRequest("wrong-count", field + " holds no ciphertexts").with("field", field);
    }
    CkksSerializer.Header first = header(parts, 0, field);
    String set = KeySetRegistry.supported(first.parameterId(), field + " ciphertext 0");
    for (int i = 1; i < parts.size(); i++) {
      CkksSerializer.Header h = header(parts, i, field);
      if (h.parameterId() != first.parameterId()) {
        throw mismatch(field, i, h.parameterId(), first.parameterId(), "ciphertext 0");
      }
      if (h.level() != first.level() || !sameScale(h.scale(), first.scale())) {
        throw ProblemException.badRequest("wrong-level", field + ": ciphertext " + i + " is at level " + h.level()
            + ", scale 2^" + log2(h.scale()) + ", ciphertext 0 at level " + first.level() + ", scale 2^"
            + log2(first.scale()) + "; a batch is encrypted at one level and scale").with("field", field)
            .with("index", i);
      }
    }
    return new Summary(parts.size(), set, ParameterSets.fingerprint(first.parameterId()), first.level(),
        first.scale());
  }

  /**
   * The batch parsed for {@code plan} under {@code params} (the key set's parameter set, which is the plan's).
   */
  public static Ciphertext[] parse(byte[] batch, PlanDocument plan, CkksParameters params, String field) {
    List<byte[]> parts = split(batch, field);
    if (plan.usesLatencyPacking() && (parts.isEmpty() || parts.size() > plan.batchSize())) {
      throw ProblemException.badRequest("wrong-count", field + " holds " + parts.size() + " ciphertexts; the "
          + "latency plan takes one per image, 1 to " + plan.batchSize() + " images a request").with("field", field);
    }
    if (!plan.usesLatencyPacking() && parts.size() != plan.inputCount()) {
      throw ProblemException.badRequest("wrong-count", field + " holds " + parts.size() + " ciphertexts; the plan "
          + "takes " + plan.inputCount() + " (one per feature, each holding that feature of up to " + plan.batchSize()
          + " images)").with("field", field);
    }
    Ciphertext[] out = new Ciphertext[parts.size()];
    for (int i = 0; i < out.length; i++) {
      CkksSerializer.Header h = header(parts, i, field);
      if (h.parameterId() != params.id()) {
        throw mismatch(field, i, h.parameterId(), params.id(), "the key set and the plan");
      }
      if (h.level() != plan.inputLevel()) {
        throw ProblemException.badRequest("wrong-level", field + ": ciphertext " + i + " is at level " + h.level()
            + "; the plan's inputs are at level " + plan.inputLevel() + " (encode at the plan's inputLevel)")
            .with("field", field).with("index", i);
      }
      if (!sameScale(h.scale(), plan.inputScale())) {
        throw ProblemException.badRequest("wrong-scale", field + ": ciphertext " + i + " has scale 2^"
            + log2(h.scale()) + "; the plan's inputs have scale 2^" + log2(plan.inputScale())
            + " (encode at the plan's inputScale)").with("field", field).with("index", i);
      }
      try {
        out[i] = CkksSerializer.readCiphertext(params, parts.get(i));
      } catch (IllegalArgumentException e) {
        throw ProblemException.badRequest("malformed-ciphertext", field + ": ciphertext " + i + ": "
            + e.getMessage()).with("field", field).with("index", i);
      }
      if (out[i].size() != 2) {
        throw ProblemException.badRequest("malformed-ciphertext", field + ": ciphertext " + i + " has "
            + out[i].size() + " parts; fresh encryptions have 2").with("field", field).with("index", i);
      }
    }
    return out;
  }

  private static List<byte[]> split(byte[] batch, String field) {
    try {
      return CiphertextBatch.split(batch);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("malformed-ciphertext", field + ": " + e.getMessage()).with("field", field);
    }
  }

  private static CkksSerializer.Header header(List<byte[]> parts, int i, String field) {
    CkksSerializer.Header h;
    try {
      h = CkksSerializer.header(parts.get(i));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("malformed-ciphertext", field + ": ciphertext " + i + ": " + e.getMessage())
          .with("field", field).with("index", i);
    }
    if (h.isSecretKey()) {
      throw ProblemException.badRequest("secret-key-refused", field + ": element " + i + " is a secret key; the "
          + "service never accepts one").with("field", field).with("index", i);
    }
    if (!h.isCiphertext()) {
      throw ProblemException.badRequest("malformed-ciphertext", field + ": element " + i + " is a " + h.type()
          + ", not a ciphertext").with("field", field).with("index", i);
    }
    return h;
  }

  private static ProblemException mismatch(String field, int i, long found, long expected, String what) {
    return ProblemException.badRequest("mismatched-parameters", field + ": ciphertext " + i + " was encrypted "
        + "under parameter set " + ParameterSets.fingerprint(found) + ", " + what + " use "
        + ParameterSets.fingerprint(expected)).with("field", field).with("index", i);
  }

  private static boolean sameScale(double a, double b) {
    return Math.abs(a - b) <= SCALE_TOLERANCE * Math.max(a, b);
  }

  private static String log2(double x) {
    return String.format(java.util.Locale.ROOT, "%.4f", Math.log(x) / Math.log(2));
  }
}

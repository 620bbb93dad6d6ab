package org.trustml.bench.fhe;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.trustml.fhe.ckks.Ciphertext;
import org.trustml.fhe.ckks.CkksEncoder;
import org.trustml.fhe.ckks.CkksParameters;
import org.trustml.fhe.ckks.Decryptor;
import org.trustml.fhe.ckks.Encryptor;
import org.trustml.fhe.ckks.Evaluator;
import org.trustml.fhe.ckks.GaloisKeys;
import org.trustml.fhe.ckks.KeyGenerator;
import org.trustml.fhe.ckks.KeySwitchKey;
import org.trustml.fhe.ckks.NttTables;

/** Our engine on one profile: the same timed operations and the same agreement computation as seal-bench.js. */
final class EngineRun {

  final long[] primes;
  final Map<String, Double> timings = new LinkedHashMap<>();
  /** Per-rotation time of {@link #HOISTED_STEPS} hoisted rotations (no SEAL counterpart in node-seal's API). */
  final double hoistedPerRotation;
  static final int[] HOISTED_STEPS = {1, 2, 3, 4, 5, 6, 7, 8};
  final double[] result;

  EngineRun(Profile profile) {
    CkksParameters params = new CkksParameters(profile.logN(), profile.dataPrimeBits(), profile.specialPrimeBits(),
        profile.logScale());
    primes = new long[params.maxLevel() + 2];
    for (int i = 0; i < primes.length; i++) {
      primes[i] = params.modulus(i).value();
    }
    KeyGenerator keys = new KeyGenerator(params, new SecureRandom());
    KeySwitchKey relin = keys.relinearizationKey();
    GaloisKeys galois = keys.galoisKeys(HOISTED_STEPS, false);
    CkksEncoder encoder = new CkksEncoder(params);
    Encryptor encryptor = new Encryptor(keys.publicKey(), new SecureRandom());
    Decryptor decryptor = new Decryptor(keys.secretKey());
    Evaluator evaluator = new Evaluator(params);
    int slots = params.slots();
    Ciphertext x = encryptor.encrypt(encoder.encode(Inputs.x(slots)));
    Ciphertext y = encryptor.encrypt(encoder.encode(Inputs.y(slots)));

    // a ciphertext's NTT work: INTT then NTT of both polynomials at every prime of the top level
    long[][] rows = randomRows(params);
    timings.put("ntt", Timer.medianMillis(profile.reps(), () -> {
      for (int r = 0; r < rows.length; r++) {
        NttTables ntt = params.ntt(r % (params.maxLevel() + 1));
        ntt.inverse(rows[r]);
        ntt.forward(rows[r]);
      }
    }));
    timings.put("multiplyRelinearize", Timer.medianMillis(profile.reps(),
        () -> evaluator.relinearize(evaluator.multiply(x, y), relin)));
    Ciphertext product = evaluator.relinearize(evaluator.multiply(x, y), relin);
    timings.put("rescale", Timer.medianMillis(profile.reps(), () -> evaluator.rescale(product)));
    timings.put("rotate", Timer.medianMillis(profile.reps(), () -> evaluator.rotate(x, 1, galois)));

    hoistedPerRotation = Timer.medianMillis(Math.max(5, profile.reps() / 4),
        () -> evaluator.rotateHoisted(x, HOISTED_STEPS, galois)) / HOISTED_STEPS.length;

    Ciphertext rescaled = evaluator.rescale(product);
    Ciphertext z = encryptor.encrypt(encoder.encode(Inputs.z(slots), rescaled.level(), rescaled.scale()));
    Ciphertext rotated = evaluator.rotate(evaluator.add(rescaled, z), 1, galois);
    result = encoder.decode(decryptor.decrypt(rotated));
  }

  private static long[][] randomRows(CkksParameters params) {
    int limbs = params.maxLevel() + 1;
    SplittableRandom random = new SplittableRandom(7);
    long[][] rows = new long[2 * limbs][params.n()];
    for (int r = 0; r < rows.length; r++) {
      long q = params.modulus(r % limbs).value();
      for (int k = 0; k < rows[r].length; k++) {
        rows[r][k] = random.nextLong(q);
      }
    }
    return rows;
  }
}

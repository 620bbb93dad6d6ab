package org.trustml.fhe.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.trustml.fhe.ckks.CkksParameters;

/**
 * The parameter sets the service computes under, by name: each is a 128-bit set of the HE standard's table
 * (checked by {@link CkksParameters} itself) that the plan compiler may choose. Key sets, plans and ciphertexts
 * under anything else are refused. Each set is built once (its NTT tables are not free) and shared; thread-safe.
 */
public final class ParameterSets {

  /** N = 2^13, [60, 40, 40 | 60], 2 levels, 4,096 slots. */
  public static final String TEST = "test";
  /** N = 2^14, [60, 40 x 7 | 60], 7 levels, 8,192 slots. */
  public static final String CRYPTONETS = "cryptonets";

  private static final Map<String, Supplier<CkksParameters>> FACTORIES = new LinkedHashMap<>();
  private static final Map<String, CkksParameters> BUILT = new java.util.concurrent.ConcurrentHashMap<>();

  static {
    FACTORIES.put(TEST, CkksParameters::test);
    FACTORIES.put(CRYPTONETS, CkksParameters::cryptonets);
  }

  private ParameterSets() {}

  /** The names, smallest set first. */
  public static List<String> names() {
    return List.copyOf(FACTORIES.keySet());
  }

  /**
   * The set called {@code name}.
   *
   * @throws IllegalArgumentException for a name that is not one of {@link #names()}
   */
  public static CkksParameters byName(String name) {
    Supplier<CkksParameters> factory = FACTORIES.get(name);
    if (factory == null) {
      throw new IllegalArgumentException("unknown parameter set '" + name + "'; the service supports " + names());
    }
    return BUILT.computeIfAbsent(name, n -> factory.get());
  }

  /** The name of the supported set with this {@link CkksParameters#id() fingerprint}, if any. */
  public static Optional<String> nameOf(long parameterId) {
    for (String name : FACTORIES.keySet()) {
      if (byName(name).id() == parameterId) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  /** The name of {@code params} among the supported sets. */
  public static String nameOf(CkksParameters params) {
    return nameOf(params.id()).orElseThrow(() -> new IllegalArgumentException(params + " is not a supported set"));
  }

  /** The fingerprint as the API shows it: 16 hex digits. */
  public static String fingerprint(long parameterId) {
    return String.format("%016x", parameterId);
  }

  /**
   * The smallest supported set with at least {@code depth} levels.
   *
   * @throws IllegalArgumentException if none has (there is no bootstrapping)
   */
  public static String chooseFor(int depth) {
    return nameOf(PlanCompiler.chooseParameters(depth));
  }
}

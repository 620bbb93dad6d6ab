package org.trustml.fhe.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.trustml.core.artifact.ArtifactRef;
import org.trustml.core.artifact.ArtifactStore;
import org.trustml.core.web.ProblemException;
import org.trustml.fhe.ckks.CkksParameters;
import org.trustml.fhe.ckks.CkksSerializer;
import org.trustml.fhe.ckks.GaloisKeys;
import org.trustml.fhe.ckks.KeySwitchKey;
import org.trustml.fhe.plan.ParameterSets;

/**
 * Registers, finds and loads tenants' evaluation keys. An upload is checked completely before anything is stored: a
 * secret key, an object of the wrong kind, keys of different or unsupported parameter sets and malformed bytes are
 * each a 400 naming the part; a set is visible to its owner only (404 for anyone else). Key bytes are stored as
 * artifacts and never logged or copied into job records, which name a set by id.
 */
@Service
public class KeySetRegistry {

  /** Media type of stored keys. */
  public static final String MEDIA_TYPE = "application/vnd.trustml.ckks";

  private final KeySetRepository repository;
  private final ArtifactStore store;

  KeySetRegistry(KeySetRepository repository, ArtifactStore store) {
    this.repository = repository;
    this.store = store;
  }

  /** A registered set and whether this call created it (false: the owner had uploaded the same keys before). */
  public record Registered(KeySet keySet, boolean created) {}

  /** Checks and stores {@code upload} for {@code owner}. */
  public Registered register(String owner, KeyUpload upload) {
    Map<String, byte[]> parts = new LinkedHashMap<>();
    parts.put(KeyUpload.PUBLIC_KEY, required(KeyUpload.PUBLIC_KEY, upload.publicKey()));
    parts.put(KeyUpload.RELINEARIZATION_KEY, required(KeyUpload.RELINEARIZATION_KEY, upload.relinearizationKey()));
    if (upload.galoisKeys() != null) {
      parts.put(KeyUpload.GALOIS_KEYS, upload.galoisKeys());
    }
    Map<String, CkksSerializer.Header> headers = new LinkedHashMap<>();
    parts.forEach((name, bytes) -> headers.put(name, header(name, bytes)));
    // a secret key anywhere is refused before any other complaint, so the answer never depends on its content
    headers.forEach((name, h) -> {
      if (h.isSecretKey()) {
        throw ProblemException.badRequest("secret-key-refused", name + " is a secret key: the service never accepts "
            + "one (it holds evaluation keys only and cannot decrypt); upload the public, relinearization and Galois "
            + "keys and keep the secret key on the client").with("field", name);
      }
    });
    expectType(KeyUpload.PUBLIC_KEY, headers, "public key");
    expectType(KeyUpload.RELINEARIZATION_KEY, headers, "key-switching key");
    expectType(KeyUpload.GALOIS_KEYS, headers, "Galois keys");
    long parameterId = headers.get(KeyUpload.PUBLIC_KEY).parameterId();
    headers.forEach((name, h) -> {
      if (h.parameterId() != parameterId) {
        throw ProblemException.badRequest("mismatched-parameters", name + " belongs to parameter set "
            + ParameterSets.fingerprint(h.parameterId()) + ", the public key to "
            + ParameterSets.fingerprint(parameterId) + "; all keys of a set come from one key generator")
            .with("field", name);
      }
    });
    String setName = supported(parameterId, KeyUpload.PUBLIC_KEY);
    CkksParameters params = ParameterSets.byName(setName);
    parse(KeyUpload.PUBLIC_KEY, () -> CkksSerializer.readPublicKey(params, upload.publicKey()));
    KeySwitchKey relin = parse(KeyUpload.RELINEARIZATION_KEY,
        () -> CkksSerializer.readKeySwitchKey(params, upload.relinearizationKey()));
    if (relin.galoisElement() != 0) {
      throw ProblemException.badRequest("wrong-key-type", KeyUpload.RELINEARIZATION_KEY + " is a rotation key "
          + "(Galois element " + relin.galoisElement() + "), not the relinearization key")
          .with("field", KeyUpload.RELINEARIZATION_KEY);
    }
    GaloisKeys galois = upload.galoisKeys() == null ? null
        : parse(KeyUpload.GALOIS_KEYS, () -> CkksSerializer.readGaloisKeys(params, upload.galoisKeys()));

    ArtifactRef pk = store.putBytes(upload.publicKey(), MEDIA_TYPE, "public-key.ckks");
    ArtifactRef rk = store.putBytes(upload.relinearizationKey(), MEDIA_TYPE, "relinearization-key.ckks");
    ArtifactRef gk = galois == null ? null : store.putBytes(upload.galoisKeys(), MEDIA_TYPE, "galois-keys.ckks");
    String id = sha256(pk.sha256() + ":" + rk.sha256() + ":" + (gk == null ? "" : gk.sha256()));
    KeySet keySet = new KeySet(id, setName, ParameterSets.fingerprint(parameterId),
        new KeySet.Part(pk.sha256(), pk.sizeBytes()), new KeySet.Part(rk.sha256(), rk.sizeBytes()),
        gk == null ? null : new KeySet.GaloisPart(gk.sha256(), gk.sizeBytes(), galois.rotationSteps(),
            galois.hasConjugation()),
        null);
    boolean created = repository.insert(owner, keySet);
    return new Registered(find(owner, id), created);
  }

  /** The owner's set; 404 if it does not exist or belongs to someone else. */
  public KeySet find(String owner, String id) {
    return repository.find(owner, id).orElseThrow(() -> ProblemException.notFound("key set", id));
  }

  /** The owner's sets, newest first. */
  public List<KeySet> list(String owner, int limit) {
    return repository.list(owner, limit);
  }

  /** Forgets the owner's set (its artifacts stay in the content store, which other sets may share); 404 if absent. */
  public void delete(String owner, String id) {
    if (!repository.delete(owner, id)) {
      throw ProblemException.notFound("key set", id);
    }
  }

  /** The owner's set parsed for computing; 404 as {@link #find}. */
  public EvaluationKeys load(String owner, String id) {
    KeySet k = find(owner, id);
    CkksParameters params = ParameterSets.byName(k.parameterSet());
    KeySwitchKey relin = CkksSerializer.readKeySwitchKey(params, store.readAllBytes(k.relinearizationKey().sha256()));
    GaloisKeys galois = k.galoisKeys() == null ? null
        : CkksSerializer.readGaloisKeys(params, store.readAllBytes(k.galoisKeys().sha256()));
    return new EvaluationKeys(k, params, relin, galois);
  }

  /**
   * The name of the supported parameter set with this fingerprint; a 400 naming {@code field} and the supported
   * sets otherwise.
   */
  public static String supported(long parameterId, String field) {
    return ParameterSets.nameOf(parameterId).orElseThrow(() -> {
      StringBuilder known = new StringBuilder();
      for (String name : ParameterSets.names()) {
        known.append(known.length() == 0 ? "" : ", ").append(name).append(" (")
            .append(ParameterSets.fingerprint(ParameterSets.byName(name).id())).append(')');
      }
      return ProblemException.badRequest("unsupported-parameters", field + " belongs to parameter set "
          + ParameterSets.fingerprint(parameterId) + ", which is not one of the service's 128-bit sets: " + known)
          .with("field", field);
    });
  }

  private static byte[] required(String name, byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw ProblemException.badRequest("missing-key", name + " is required").with("field", name);
    }
    return bytes;
  }

  private static CkksSerializer.Header header(String name, byte[] bytes) {
    return parse(name, () -> CkksSerializer.header(bytes));
  }

  private static void expectType(String name, Map<String, CkksSerializer.Header> headers, String type) {
    CkksSerializer.Header h = headers.get(name);
    if (h != null && !h.type().equals(type)) {
      throw ProblemException.badRequest("wrong-key-type", name + " must be a serialized " + type + ", found a "
          + h.type()).with("field", name);
    }
  }

  private static <T> T parse(String name, java.util.function.Supplier<T> read) {
    try {
      return read.get();
    } catch (IllegalArgumentException e) {
      // the serializer's reasons name sizes and fields, never key material
      throw ProblemException.badRequest("malformed-key", name + ": " + e.getMessage()).with("field", name);
    }
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }
}

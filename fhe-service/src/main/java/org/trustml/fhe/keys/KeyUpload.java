package org.trustml.fhe.keys;

/**
 * The serialized evaluation keys a client uploads ({@link org.trustml.fhe.ckks.CkksSerializer} bytes). There is no
 * field for a secret key.
 *
 * @param galoisKeys null when none are uploaded
 */
public record KeyUpload(byte[] publicKey, byte[] relinearizationKey, byte[] galoisKeys) {

  /** Names of the parts, as the API's multipart fields spell them. */
  public static final String PUBLIC_KEY = "publicKey";
  public static final String RELINEARIZATION_KEY = "relinearizationKey";
  public static final String GALOIS_KEYS = "galoisKeys";
}

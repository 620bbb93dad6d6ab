package org.trustml.core.artifact;

import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The key layout of content-addressed storage: {@code cas/sha256/ab/cd/abcd…}. Only a 64-character hex digest
 * is accepted, so no key can name anything outside the store's root.
 */
public final class ContentKeys {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private ContentKeys() {}

  public static String requireSha256(String sha256) {
    if (sha256 == null || !SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("not a lower-case sha256 hex digest: " + sha256);
    }
    return sha256;
  }

  public static boolean isSha256(String candidate) {
    return candidate != null && SHA256.matcher(candidate).matches();
  }

  public static String keyOf(String sha256) {
    requireSha256(sha256);
    return "cas/sha256/" + sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
  }

  public static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }
}

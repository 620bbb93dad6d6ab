package org.trustml.gateway.catalog;

import java.security.SecureRandom;

/** Short, URL-safe, prefixed ids: {@code ds-…} for datasets, {@code mdl-…} for models. */
final class Ids {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

  private Ids() {}

  static String next(String prefix) {
    StringBuilder sb = new StringBuilder(prefix).append('-');
    for (int i = 0; i < 16; i++) {
      sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return sb.toString();
  }
}

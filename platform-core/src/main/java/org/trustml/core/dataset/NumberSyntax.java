package org.trustml.core.dataset;

/**
 * Recognises the integers and decimals of CSV type inference without exceptions (one would be thrown
 * per string value otherwise), stricter than {@link Double#parseDouble}: no hex, no {@code 1f}/{@code 1d}
 * suffixes, no {@code Infinity}.
 */
final class NumberSyntax {

  private NumberSyntax() {}

  /** An optional sign and 1 to 19 digits that fit in a long. */
  static boolean isLong(String s) {
    int i = signLength(s);
    int digits = s.length() - i;
    if (digits < 1 || digits > 19) {
      return false;
    }
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    if (digits < 19) {
      return true;
    }
    try {
      Long.parseLong(s.charAt(0) == '+' ? s.substring(1) : s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** {@code [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?} */
  static boolean isDecimal(String s) {
    int i = signLength(s);
    int n = s.length();
    int intDigits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      intDigits++;
    }
    int fracDigits = 0;
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        fracDigits++;
      }
    }
    if (intDigits + fracDigits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int expDigits = 0;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        expDigits++;
      }
      if (expDigits == 0) {
        return false;
      }
    }
    return i == n;
  }

  private static int signLength(String s) {
    return !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}

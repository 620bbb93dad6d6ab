package org.trustml.core.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the Python literal of an NPY header, e.g. {@code {'descr': '<f4', 'fortran_order': False,
 * 'shape': (3, 4), }}: a dict of string keys whose values are strings, {@code True}/{@code False}/
 * {@code None}, integers (Python 2's {@code 3L} too), tuples and lists. No {@code eval}: only literals.
 * Errors carry the character index and the key whose value was being read.
 */
final class PyLiteralParser {

  /** A parsed value and the index of its first character. */
  record Node(Object value, int at) {}

  /** A syntax error at a character index, inside the value of {@code key} (null outside values). */
  static final class SyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int at;
    final String key;

    SyntaxError(String message, int at, String key) {
      super(message);
      this.at = at;
      this.key = key;
    }
  }

  private final String text;
  private int pos;
  private String key;

  private PyLiteralParser(String text) {
    this.text = text;
  }

  /**
   * Parses a dict literal that must make up the whole text (surrounding whitespace allowed). Values are
   * {@link String}, {@link Boolean}, {@link Long}, {@code null} or {@code List<Node>}.
   */
  static Map<String, Node> parseDict(String text) {
    PyLiteralParser p = new PyLiteralParser(text);
    p.skipSpace();
    Map<String, Node> dict = p.dict();
    p.skipSpace();
    if (p.pos < text.length()) {
      throw p.error("unexpected " + p.describe() + " after the dict");
    }
    return dict;
  }

  private Map<String, Node> dict() {
    expect('{');
    Map<String, Node> entries = new LinkedHashMap<>();
    skipSpace();
    while (peek() != '}') {
      int keyAt = pos;
      if (peek() != '\'' && peek() != '"') {
        throw error("expected a quoted key or '}' but found " + describe());
      }
      String k = string();
      if (entries.containsKey(k)) {
        throw new SyntaxError("duplicate key '" + k + "'", keyAt, k);
      }
      skipSpace();
      expect(':');
      skipSpace();
      key = k;
      entries.put(k, value());
      key = null;
      skipSpace();
      if (peek() == ',') {
        pos++;
        skipSpace();
      } else if (peek() != '}') {
        throw error("expected ',' or '}' but found " + describe());
      }
    }
    pos++;
    return entries;
  }

  private Node value() {
    int at = pos;
    int c = peek();
    if (c == '\'' || c == '"') {
      return new Node(string(), at);
    }
    if (c == '(' || c == '[') {
      return new Node(sequence(c == '(' ? ')' : ']'), at);
    }
    if (c == '-' || c == '+' || (c >= '0' && c <= '9')) {
      return new Node(integer(), at);
    }
    if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
      String word = word();
      return switch (word) {
        case "True" -> new Node(Boolean.TRUE, at);
        case "False" -> new Node(Boolean.FALSE, at);
        case "None" -> new Node(null, at);
        default -> throw new SyntaxError("unexpected name '" + word + "'", at, key);
      };
    }
    throw error("expected a value but found " + describe());
  }

  /** A tuple or list; a parenthesised single value without comma is taken as a 1-tuple. */
  private List<Node> sequence(char close) {
    pos++;
    List<Node> items = new ArrayList<>();
    skipSpace();
    while (peek() != close) {
      items.add(value());
      skipSpace();
      if (peek() == ',') {
        pos++;
        skipSpace();
      } else if (peek() != close) {
        throw error("expected ',' or '" + close + "' but found " + describe());
      }
    }
    pos++;
    return items;
  }

  private Long integer() {
    int start = pos;
    if (peek() == '-' || peek() == '+') {
      pos++;
    }
    int digits = pos;
    while (peek() >= '0' && peek() <= '9') {
      pos++;
    }
    if (pos == digits) {
      throw error("expected digits but found " + describe());
    }
    String number = text.substring(start, pos);
    if (peek() == 'L' || peek() == 'l') {
      pos++; // Python 2 long suffix, as old numpy wrote it
    }
    try {
      return Long.parseLong(number.startsWith("+") ? number.substring(1) : number);
    } catch (NumberFormatException e) {
      throw new SyntaxError("integer " + number + " is too large", start, key);
    }
  }

  private String string() {
    int start = pos;
    char quote = text.charAt(pos++);
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw new SyntaxError("unterminated string", start, key);
      }
      char c = text.charAt(pos++);
      if (c == quote) {
        return sb.toString();
      }
      if (c == '\\' && pos < text.length()) {
        char e = text.charAt(pos++);
        sb.append(
            switch (e) {
              case 'n' -> '\n';
              case 't' -> '\t';
              default -> e;
            });
      } else {
        sb.append(c);
      }
    }
  }

  private String word() {
    int start = pos;
    while (Character.isLetterOrDigit(peek()) || peek() == '_') {
      pos++;
    }
    return text.substring(start, pos);
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "' but found " + describe());
    }
    pos++;
  }

  private void skipSpace() {
    while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
  }

  /** The next character, or -1 at the end. */
  private int peek() {
    return pos < text.length() ? text.charAt(pos) : -1;
  }

  private String describe() {
    return pos >= text.length() ? "the end of the header" : "'" + text.charAt(pos) + "'";
  }

  private SyntaxError error(String message) {
    return new SyntaxError(message, pos, key);
  }
}

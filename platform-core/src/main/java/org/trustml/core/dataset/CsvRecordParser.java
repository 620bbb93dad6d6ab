package org.trustml.core.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.trustml.core.web.ProblemException;

/**
 * Splits a UTF-8 stream into RFC 4180 records: fields separated by the delimiter, records by CRLF, LF
 * or a lone CR; a field starting with a quote runs to the matching quote, with {@code ""} standing for
 * one quote and line breaks kept. A quote inside an unquoted field is taken literally (as most writers
 * produce, e.g. {@code 5'11"}). Knows the physical line of every character, for errors.
 */
final class CsvRecordParser {

  private static final int NONE = -2;

  private final Utf8Source source;
  private final char delimiter;
  private final boolean trim;
  private final int maxFieldChars;
  private final int maxColumns;
  private final StringBuilder field = new StringBuilder();

  private long line = 1;
  private int pushedBack = NONE;
  private long recordLine;
  private boolean blank;
  private int column;

  CsvRecordParser(InputStream in, CsvOptions options) {
    this.source = new Utf8Source(in);
    this.delimiter = options.delimiter();
    this.trim = options.trimFields();
    this.maxFieldChars = options.maxFieldChars();
    this.maxColumns = options.maxColumns();
  }

  /** The physical line (1-based) on which the last record returned by {@link #next} began. */
  long recordLine() {
    return recordLine;
  }

  /** Whether the last record was an empty line: one empty, unquoted field. */
  boolean wasBlank() {
    return blank;
  }

  /** Drops {@code n} physical lines without parsing them (their quotes do not matter). */
  void skipLines(int n) throws IOException {
    column = 1;
    try {
      for (int i = 0; i < n; i++) {
        int c;
        do {
          c = read();
        } while (c != -1 && c != '\n' && c != '\r');
        if (c == -1) {
          return;
        }
        endLine(c);
      }
    } catch (Utf8Source.DecodeError e) {
      throw decodeProblem(e);
    }
  }

  /** The next record's fields, or null at the end of the input. */
  List<String> next() throws IOException {
    recordLine = line;
    column = 1;
    try {
      int c = read();
      if (c == -1) {
        return null;
      }
      List<String> fields = new ArrayList<>();
      boolean quoted = false;
      while (true) {
        column = fields.size() + 1;
        if (column > maxColumns) {
          throw Problems.csv("the record has more than " + maxColumns + " fields", recordLine, column);
        }
        if (trim) {
          c = skipBlanks(c);
        }
        if (c == '"') {
          quoted = true;
          c = quotedField();
        } else {
          c = unquotedField(c);
        }
        fields.add(field.toString());
        field.setLength(0);
        if (c == delimiter) {
          column++; // the next character belongs to the next field, also for decode errors
          c = read();
          continue;
        }
        if (c != -1) {
          endLine(c);
        }
        break;
      }
      blank = !quoted && fields.size() == 1 && fields.get(0).isEmpty();
      return fields;
    } catch (Utf8Source.DecodeError e) {
      throw decodeProblem(e);
    }
  }

  /** Reads an unquoted field starting with {@code c}; returns the character that ended it. */
  private int unquotedField(int c) throws IOException {
    while (c != delimiter && c != '\n' && c != '\r' && c != -1) {
      append(c, -1);
      c = read();
    }
    if (trim) {
      int end = field.length();
      while (end > 0 && isBlank(field.charAt(end - 1))) {
        end--;
      }
      field.setLength(end);
    }
    return c;
  }

  /** Reads a quoted field whose opening quote was just read; returns the character after it. */
  private int quotedField() throws IOException {
    long openedOn = line;
    while (true) {
      int c = read();
      if (c == -1) {
        throw Problems.csv("unterminated quoted field: the quote opened on this line is never closed", openedOn, column);
      }
      if (c == '"') {
        int after = read();
        if (after != '"') {
          if (trim) {
            after = skipBlanks(after);
          }
          if (after != delimiter && after != '\n' && after != '\r' && after != -1) {
            throw Problems.csv(
                "unexpected character '" + (char) after + "' after the closing quote of a field", line, column);
          }
          return after;
        }
      } else if (c == '\n') {
        line++;
      } else if (c == '\r') {
        int after = read();
        unread(after);
        if (after != '\n') {
          line++;
        }
      }
      append(c, openedOn);
    }
  }

  private void append(int c, long quoteOpenedOn) {
    if (field.length() >= maxFieldChars) {
      String hint = quoteOpenedOn < 0 ? "" : " (is the quote opened on line " + quoteOpenedOn + " unterminated?)";
      throw Problems.csv("the field is longer than " + maxFieldChars + " characters" + hint, line, column);
    }
    field.append((char) c);
  }

  private int skipBlanks(int c) throws IOException {
    while (c != -1 && c != delimiter && isBlank((char) c)) {
      c = read();
    }
    return c;
  }

  private boolean isBlank(char c) {
    return (c == ' ' || c == '\t') && c != delimiter;
  }

  /** Consumes the rest of a line break that began with {@code c} (CR, LF or CRLF) and counts the line. */
  private void endLine(int c) throws IOException {
    if (c == '\r') {
      int after = read();
      if (after != '\n') {
        unread(after);
      }
    }
    line++;
  }

  private int read() throws IOException {
    if (pushedBack != NONE) {
      int c = pushedBack;
      pushedBack = NONE;
      return c;
    }
    return source.read();
  }

  private void unread(int c) {
    pushedBack = c;
  }

  private ProblemException decodeProblem(Utf8Source.DecodeError e) {
    return Problems.csv(e.getMessage(), line, column).with("offset", e.offset);
  }
}

package org.trustml.core.dataset;

import java.util.List;

/**
 * How to read a CSV file. Start from {@link #defaults()} (comma, header row, nothing skipped or trimmed)
 * and change what differs, e.g. for UCI Adult:
 *
 * <pre>{@code
 * CsvOptions.defaults().withColumnNames(List.of("age", "workclass", ...)).withTrimFields(true)
 * }</pre>
 *
 * @param delimiter the field separator; not a quote, CR or LF
 * @param hasHeader whether the first record (after skipped lines) holds the column names
 * @param columnNames the names when there is no header row; null to name them {@code column1},
 *     {@code column2}, ... after the first record's width; must be null with a header row
 * @param skipLines physical lines to drop before anything else (e.g. 1 for adult.test's junk first
 *     line); they are not parsed as CSV but do count for line numbers
 * @param trimFields whether to drop spaces and tabs around fields (Adult has {@code ", "} between
 *     fields); quotes may then follow the spaces and keep what they enclose
 * @param skipBlankLines whether empty lines (outside quotes) are ignored rather than being records of
 *     one empty field; on by default so a trailing blank line (adult.data has one) is harmless
 * @param maxFieldChars the longest field accepted, so that a stray quote cannot make the reader buffer
 *     the rest of a huge file
 * @param maxColumns the most fields a record may have
 * @param renameDuplicateColumns whether a repeated header name is renamed as pandas does
 *     ({@code decile_score}, {@code decile_score.1}) instead of being an error; off by default. ProPublica's
 *     COMPAS file needs it: it repeats {@code decile_score} and {@code priors_count}
 */
public record CsvOptions(
    char delimiter,
    boolean hasHeader,
    List<String> columnNames,
    int skipLines,
    boolean trimFields,
    boolean skipBlankLines,
    int maxFieldChars,
    int maxColumns,
    boolean renameDuplicateColumns) {

  /** The default longest field: 1 Mi characters. */
  public static final int DEFAULT_MAX_FIELD_CHARS = 1 << 20;

  /** The default most columns: 100,000. */
  public static final int DEFAULT_MAX_COLUMNS = 100_000;

  /** Checks the options and copies the names. */
  public CsvOptions {
    if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
      throw new IllegalArgumentException("the delimiter cannot be a quote, CR or LF");
    }
    if (hasHeader && columnNames != null) {
      throw new IllegalArgumentException("column names are given only for files without a header row");
    }
    if (skipLines < 0 || maxFieldChars < 1 || maxColumns < 1) {
      throw new IllegalArgumentException("skipLines must be >= 0, maxFieldChars and maxColumns >= 1");
    }
    columnNames = columnNames == null ? null : List.copyOf(columnNames);
  }

  /** Comma-separated, header row, no lines skipped, fields not trimmed, blank lines skipped. */
  public static CsvOptions defaults() {
    return new CsvOptions(',', true, null, 0, false, true, DEFAULT_MAX_FIELD_CHARS, DEFAULT_MAX_COLUMNS, false);
  }

  /** The same options with another delimiter (e.g. {@code '\t'} or {@code ';'}). */
  public CsvOptions withDelimiter(char delimiter) {
    return new CsvOptions(
        delimiter, hasHeader, columnNames, skipLines, trimFields, skipBlankLines, maxFieldChars, maxColumns, renameDuplicateColumns);
  }

  /** The same options for a file whose first record is data, not names; columns named column1, ... */
  public CsvOptions withoutHeader() {
    return new CsvOptions(
        delimiter, false, null, skipLines, trimFields, skipBlankLines, maxFieldChars, maxColumns, renameDuplicateColumns);
  }

  /** The same options for a file without a header row whose columns have these names. */
  public CsvOptions withColumnNames(List<String> names) {
    return new CsvOptions(
        delimiter, false, names, skipLines, trimFields, skipBlankLines, maxFieldChars, maxColumns, renameDuplicateColumns);
  }

  /** The same options, skipping this many physical lines first. */
  public CsvOptions withSkipLines(int lines) {
    return new CsvOptions(
        delimiter, hasHeader, columnNames, lines, trimFields, skipBlankLines, maxFieldChars, maxColumns, renameDuplicateColumns);
  }

  /** The same options, trimming spaces and tabs around fields or not. */
  public CsvOptions withTrimFields(boolean trim) {
    return new CsvOptions(
        delimiter, hasHeader, columnNames, skipLines, trim, skipBlankLines, maxFieldChars, maxColumns, renameDuplicateColumns);
  }

  /** The same options, skipping blank lines or not. */
  public CsvOptions withSkipBlankLines(boolean skip) {
    return new CsvOptions(
        delimiter, hasHeader, columnNames, skipLines, trimFields, skip, maxFieldChars, maxColumns, renameDuplicateColumns);
  }

  /** The same options, renaming repeated header names ({@code x}, {@code x.1}) or rejecting them. */
  public CsvOptions withRenamedDuplicateColumns(boolean rename) {
    return new CsvOptions(
        delimiter, hasHeader, columnNames, skipLines, trimFields, skipBlankLines, maxFieldChars, maxColumns, rename);
  }

  /** The same options with other limits. */
  public CsvOptions withLimits(int maxFieldChars, int maxColumns) {
    return new CsvOptions(
        delimiter, hasHeader, columnNames, skipLines, trimFields, skipBlankLines, maxFieldChars, maxColumns, renameDuplicateColumns);
  }
}

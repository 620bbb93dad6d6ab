package org.trustml.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.trustml.core.dataset.TestFiles.problem;
import static org.trustml.core.dataset.TestFiles.utf8;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.trustml.core.dataset.TestFiles.Bytes;
import org.trustml.core.web.ProblemException;

class CsvReaderTest {

  private static List<String[]> readAll(InputStream in, CsvOptions options) throws IOException {
    try (CsvReader reader = CsvReader.open(in, options)) {
      List<String[]> rows = new ArrayList<>();
      reader.forEachRemaining(rows::add);
      return rows;
    }
  }

  private static List<String[]> readAll(String text) throws IOException {
    return readAll(utf8(text), CsvOptions.defaults());
  }

  @Nested
  class WellFormed {

    @Test
    void readsHeaderAndRowsWithLf() throws IOException {
      try (CsvReader reader = CsvReader.open(utf8("a,b,c\n1,2,3\n4,5,6\n"))) {
        assertThat(reader.columnNames()).containsExactly("a", "b", "c");
        assertThat(reader.next()).containsExactly("1", "2", "3");
        assertThat(reader.line()).isEqualTo(2);
        assertThat(reader.next()).containsExactly("4", "5", "6");
        assertThat(reader.line()).isEqualTo(3);
        assertThat(reader.hasNext()).isFalse();
        assertThat(reader.rowsRead()).isEqualTo(2);
      }
    }

    @Test
    void acceptsCrlfLoneCrAndNoFinalNewline() throws IOException {
      List<String[]> rows = readAll("a,b\r\n1,2\r3,4\r\n5,6");
      assertThat(rows).containsExactly(new String[] {"1", "2"}, new String[] {"3", "4"}, new String[] {"5", "6"});
    }

    @Test
    void unquotesFieldsWithEscapedQuotesDelimitersAndLineBreaks() throws IOException {
      String text = "id,text\n1,\"say \"\"hi\"\", then go\"\n2,\"two\r\nlines\"\n3,\"\"\n4,plain\n";
      try (CsvReader reader = CsvReader.open(utf8(text))) {
        assertThat(reader.next()).containsExactly("1", "say \"hi\", then go");
        assertThat(reader.next()).containsExactly("2", "two\r\nlines");
        assertThat(reader.line()).isEqualTo(3);
        assertThat(reader.next()).containsExactly("3", "");
        assertThat(reader.line()).as("the quoted line break moved later records down a line").isEqualTo(5);
        assertThat(reader.next()).containsExactly("4", "plain");
        assertThat(reader.line()).isEqualTo(6);
      }
    }

    @Test
    void keepsAQuoteInsideAnUnquotedFieldLiterally() throws IOException {
      assertThat(readAll("h,w\nbob,5'11\"\n").get(0)).containsExactly("bob", "5'11\"");
    }

    @Test
    void dropsAByteOrderMark() throws IOException {
      byte[] file = new Bytes().u8(0xEF, 0xBB, 0xBF).text("name,x\nä,1\n").bytes();
      try (CsvReader reader = CsvReader.open(new ByteArrayInputStream(file))) {
        assertThat(reader.columnNames()).containsExactly("name", "x");
        assertThat(reader.next()).containsExactly("ä", "1");
      }
    }

    @Test
    void keepsEmptyFieldsIncludingTheLast() throws IOException {
      assertThat(readAll("a,b,c\n,,\n1,,\n").get(1)).containsExactly("1", "", "");
    }

    @Test
    void usesAnotherDelimiter() throws IOException {
      CsvOptions semicolon = CsvOptions.defaults().withDelimiter(';');
      assertThat(readAll(utf8("a;b\n1,5;\"x;y\"\n"), semicolon).get(0)).containsExactly("1,5", "x;y");
      CsvOptions tab = CsvOptions.defaults().withDelimiter('\t').withTrimFields(true);
      assertThat(readAll(utf8("a\tb\n 1 \t\n"), tab).get(0)).containsExactly("1", "");
    }

    @Test
    void leavesSpacesAloneByDefault() throws IOException {
      assertThat(readAll("a,b\n 1 , x\n").get(0)).containsExactly(" 1 ", " x");
    }

    @Test
    void trimsSpacesAroundFieldsAndQuotesWhenAsked() throws IOException {
      CsvOptions trim = CsvOptions.defaults().withTrimFields(true);
      List<String[]> rows = readAll(utf8("a , b,c,d\n39, State-gov,  \" x, y \"  ,\t7\t\n"), trim);
      assertThat(rows.get(0)).containsExactly("39", "State-gov", " x, y ", "7");
    }

    @Test
    void skipsBlankLinesByDefaultButNotWhenAsked() throws IOException {
      assertThat(readAll("a\n1\n\n2\n\n")).hasSize(2);
      List<String[]> kept = readAll(utf8("a\n1\n\n2\n"), CsvOptions.defaults().withSkipBlankLines(false));
      assertThat(kept).containsExactly(new String[] {"1"}, new String[] {""}, new String[] {"2"});
      assertThat(readAll("a\n1\n\"\"\n").get(1)).as("a quoted empty field is not blank").containsExactly("");
    }

    @Test
    void readsWithoutHeaderWithGivenNamesAfterSkippingLines() throws IOException {
      CsvOptions options = CsvOptions.defaults().withColumnNames(List.of("x", "y")).withSkipLines(2);
      try (CsvReader reader = CsvReader.open(utf8("|junk \"line\nmore junk\n1,2\n3,4\n"), options)) {
        assertThat(reader.columnNames()).containsExactly("x", "y");
        assertThat(reader.next()).containsExactly("1", "2");
        assertThat(reader.line()).isEqualTo(3);
        assertThat(reader.next()).containsExactly("3", "4");
        assertThat(reader.hasNext()).isFalse();
      }
    }

    @Test
    void namesColumnsWhenNoHeaderAndNoNames() throws IOException {
      try (CsvReader reader = CsvReader.open(utf8("1,2,3\n"), CsvOptions.defaults().withoutHeader())) {
        assertThat(reader.columnNames()).containsExactly("column1", "column2", "column3");
        assertThat(reader.next()).containsExactly("1", "2", "3");
      }
    }

    @Test
    void renamesRepeatedHeaderNamesWhenAsked() throws IOException {
      CsvOptions rename = CsvOptions.defaults().withRenamedDuplicateColumns(true);
      try (CsvReader reader = CsvReader.open(utf8("a,b,a,a.1,a\n1,2,3,4,5\n"), rename)) {
        assertThat(reader.columnNames()).containsExactly("a", "b", "a.2", "a.1", "a.3");
      }
    }

    @Test
    void acceptsAHeaderWithoutRows() throws IOException {
      assertThat(readAll("a,b\n")).isEmpty();
    }

    @Test
    void rejectsOptionsThatMakeNoSense() {
      assertThatThrownBy(() -> CsvOptions.defaults().withDelimiter('"')).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new CsvOptions(',', true, List.of("a"), 0, false, true, 10, 10, false))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> CsvReader.open(utf8("1,2\n"), CsvOptions.defaults().withColumnNames(List.of("a", "a"))))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class Malformed {

    @Test
    void emptyFile() {
      ProblemException e = problem("malformed-csv", () -> readAll(""));
      assertThat(e.properties()).containsEntry("line", 1L);
      assertThat(e.getMessage()).contains("empty");
    }

    @Test
    void fileOfOnlyABomAndBlankLines() {
      byte[] file = new Bytes().u8(0xEF, 0xBB, 0xBF).text("\n\r\n\n").bytes();
      ProblemException e = problem("malformed-csv", () -> readAll(new ByteArrayInputStream(file), CsvOptions.defaults()));
      assertThat(e.properties()).containsEntry("line", 4L);
    }

    @Test
    void fileEmptyAfterSkippedLines() {
      ProblemException e =
          problem("malformed-csv", () -> readAll(utf8("junk\n"), CsvOptions.defaults().withSkipLines(1)));
      assertThat(e.properties()).containsEntry("line", 2L);
    }

    @Test
    void headerWithAnEmptyName() {
      ProblemException e = problem("malformed-csv", () -> readAll("a,,c\n1,2,3\n"));
      assertThat(e.properties()).containsEntry("line", 1L).containsEntry("column", 2);
    }

    @Test
    void headerWithABlankNameAfterSkippedLines() {
      ProblemException e =
          problem("malformed-csv", () -> readAll(utf8("x\ny\na, \n"), CsvOptions.defaults().withSkipLines(2)));
      assertThat(e.properties()).containsEntry("line", 3L).containsEntry("column", 2);
    }

    @Test
    void headerWithADuplicateName() {
      ProblemException e = problem("malformed-csv", () -> readAll("a,b,a\n1,2,3\n"));
      assertThat(e.properties()).containsEntry("line", 1L).containsEntry("column", 3);
      assertThat(e.getMessage()).contains("'a'").contains("column 1");
    }

    @Test
    void rowWithTooFewFields() {
      ProblemException e = problem("malformed-csv", () -> readAll("a,b,c\n1,2,3\n4,5\n"));
      assertThat(e.properties())
          .containsEntry("line", 3L)
          .containsEntry("column", 3)
          .containsEntry("expected", 3)
          .containsEntry("actual", 2);
    }

    @Test
    void rowWithTooManyFieldsAfterAMultiLineField() {
      ProblemException e = problem("malformed-csv", () -> readAll("a,b\n1,\"x\ny\"\n2,3,4\n"));
      assertThat(e.properties())
          .containsEntry("line", 4L)
          .containsEntry("column", 3)
          .containsEntry("expected", 2)
          .containsEntry("actual", 3);
    }

    @Test
    void blankLineKeptAsARecordOfOneField() {
      ProblemException e =
          problem("malformed-csv", () -> readAll(utf8("a,b\n1,2\n\n"), CsvOptions.defaults().withSkipBlankLines(false)));
      assertThat(e.properties()).containsEntry("line", 3L).containsEntry("column", 2).containsEntry("actual", 1);
    }

    @Test
    void unterminatedQuoteReportsWhereItOpened() {
      ProblemException e = problem("malformed-csv", () -> readAll("a,b\n1,2\n3,\"open\n4,5\n6,7\n"));
      assertThat(e.properties()).containsEntry("line", 3L).containsEntry("column", 2);
      assertThat(e.getMessage()).contains("unterminated");
    }

    @Test
    void unterminatedQuoteInTheHeader() {
      ProblemException e = problem("malformed-csv", () -> readAll("\"a,b\n"));
      assertThat(e.properties()).containsEntry("line", 1L).containsEntry("column", 1);
    }

    @Test
    void characterAfterAClosingQuote() {
      ProblemException e = problem("malformed-csv", () -> readAll("a,b\n1,\"x\"y\n"));
      assertThat(e.properties()).containsEntry("line", 2L).containsEntry("column", 2);
      assertThat(e.getMessage()).contains("'y'");
    }

    @Test
    void invalidUtf8ByteReportsLineColumnAndOffset() {
      byte[] file = new Bytes().text("a,b\n1,2\n3,x").u8(0xFF).text("y\n").bytes();
      ProblemException e = problem("malformed-csv", () -> readAll(new ByteArrayInputStream(file), CsvOptions.defaults()));
      assertThat(e.properties()).containsEntry("line", 3L).containsEntry("column", 2).containsEntry("offset", 11L);
    }

    @Test
    void overlongUtf8EncodingIsInvalid() {
      byte[] file = new Bytes().text("a\n").u8(0xC0, 0x80).text("\n").bytes();
      ProblemException e = problem("malformed-csv", () -> readAll(new ByteArrayInputStream(file), CsvOptions.defaults()));
      assertThat(e.properties()).containsEntry("line", 2L).containsEntry("offset", 2L);
    }

    @Test
    void truncatedUtf8SequenceAtTheEnd() {
      byte[] file = new Bytes().text("a,b\n1,").u8(0xE2, 0x82).bytes();
      ProblemException e = problem("malformed-csv", () -> readAll(new ByteArrayInputStream(file), CsvOptions.defaults()));
      assertThat(e.properties()).containsEntry("line", 2L).containsEntry("column", 2).containsEntry("offset", 6L);
    }

    @Test
    void invalidUtf8FarIntoALargeFile() {
      // past the first decode buffer, so the error is found ahead of the parser and reported when reached
      StringBuilder text = new StringBuilder("n\n");
      for (int i = 0; i < 50_000; i++) {
        text.append(i).append('\n');
      }
      byte[] head = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      byte[] file = new Bytes().text(text.toString()).u8(0x80).text("\n").bytes();
      ProblemException e = problem("malformed-csv", () -> readAll(new ByteArrayInputStream(file), CsvOptions.defaults()));
      assertThat(e.properties())
          .containsEntry("line", 50_002L)
          .containsEntry("column", 1)
          .containsEntry("offset", (long) head.length);
    }

    @Test
    void fieldLongerThanTheLimitHintsAtAnUnterminatedQuote() {
      CsvOptions small = CsvOptions.defaults().withLimits(10, 100);
      ProblemException e =
          problem("malformed-csv", () -> readAll(utf8("a,b\n1,\"abc\ndefghijkl\n"), small));
      assertThat(e.properties()).containsEntry("line", 3L).containsEntry("column", 2);
      assertThat(e.getMessage()).contains("longer than 10").contains("line 2");
    }

    @Test
    void tooManyColumns() {
      CsvOptions small = CsvOptions.defaults().withLimits(100, 3);
      ProblemException e = problem("malformed-csv", () -> readAll(utf8("a,b,c,d\n"), small));
      assertThat(e.properties()).containsEntry("line", 1L).containsEntry("column", 4);
    }
  }
}

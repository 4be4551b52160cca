package io.oppflow.importing.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an import file with Commons CSV in RFC 4180 form: comma-separated, fields in double quotes may hold
 * commas, line breaks and doubled quotes; CRLF, LF or CR line ends. A UTF-8 byte-order mark (as Excel writes
 * it) is dropped and blank lines are skipped. Each record keeps the line it starts on, so errors point at the
 * line a user sees in an editor.
 */
public final class CsvReader {

  /** One record and the (1-based) line it starts on. */
  record CsvRecord(int line, List<String> fields) {}

  /** A file that is not CSV, e.g. a quoted field never closed; the message names the line. */
  static final class UnreadableCsvException extends RuntimeException {
    UnreadableCsvException(String message) {
      super(message, null, false, false);
    }
  }

  // Empty lines come through as records (and are dropped below) so that the parser's line count before a
  // record is always the line before the record's first line.
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

  private CsvReader() {}

  static List<CsvRecord> read(byte[] utf8) {
    String text = new String(utf8, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<CsvRecord> records = new ArrayList<>();
    long line = 0;
    try (CSVParser parser = FORMAT.parse(new StringReader(text))) {
      Iterator<CSVRecord> it = parser.iterator();
      while (true) {
        line = parser.getCurrentLineNumber() + 1;
        if (!it.hasNext()) {
          break;
        }
        List<String> fields = it.next().toList();
        boolean blank = fields.size() == 1 && fields.get(0).isBlank();
        if (!blank) {
          records.add(new CsvRecord(Math.toIntExact(line), fields));
        }
      }
    } catch (UncheckedIOException e) {
      throw unreadable(line, e.getCause());
    } catch (IOException e) {
      throw unreadable(line, e);
    }
    return records;
  }

  private static UnreadableCsvException unreadable(long line, IOException e) {
    // The parser's own message says what it found where, e.g. "EOF reached before encapsulated token finished".
    return new UnreadableCsvException("从第 " + line + " 行开始的记录不是有效的 CSV：含逗号、引号或换行的字段须放在双引号中，"
        + "字段内的引号须写两次 / the record starting on line " + line + " is not valid CSV (" + e.getMessage()
        + "): a field holding commas, quotes or line breaks goes in double quotes, a quote inside it is doubled");
  }
}

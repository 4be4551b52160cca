package io.oppflow.export;

import io.oppflow.export.internal.ExportFormat;
import io.oppflow.shared.InvalidRequestException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** Writes tables as CSV or XLSX, and answers a request in the format it asked for. */
public final class TableExport {

  private TableExport() {}

  /**
   * The export of {@code table} if the request asked for CSV or XLSX, otherwise {@code json} as JSON.
   *
   * @param format the {@code format} query parameter (may be null)
   * @param accept the Accept header (may be null)
   */
  public static ResponseEntity<?> respond(String format, String accept, Object json, Supplier<Table> table) {
    Optional<ExportFormat> asked;
    try {
      asked = ExportFormat.requested(format, accept);
    } catch (IllegalArgumentException e) {
      throw InvalidRequestException.of("format", e.getMessage());
    }
    if (asked.isEmpty()) {
      return ResponseEntity.ok(json);
    }
    Table t = table.get();
    ExportFormat f = asked.get();
    byte[] body = f == ExportFormat.CSV ? csv(t) : xlsx(t);
    return ResponseEntity.ok()
        .contentType(f.mediaType())
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(t.name() + "." + f.extension(), StandardCharsets.UTF_8).build().toString())
        .body(body);
  }

  public static byte[] csv(Table table) {
    StringBuilder out = new StringBuilder("\uFEFF");
    line(out, table.columns());
    table.rows().forEach(r -> line(out, r));
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] xlsx(Table table) {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet(table.name().length() > 31 ? table.name().substring(0, 31) : table.name());
      Row header = sheet.createRow(0);
      for (int c = 0; c < table.columns().size(); c++) {
        header.createCell(c).setCellValue(table.columns().get(c));
      }
      for (int r = 0; r < table.rows().size(); r++) {
        Row row = sheet.createRow(r + 1);
        List<Object> cells = table.rows().get(r);
        for (int c = 0; c < cells.size(); c++) {
          Object v = cells.get(c);
          if (v instanceof Number n) {
            row.createCell(c).setCellValue(n instanceof BigDecimal b ? b.doubleValue() : n.doubleValue());
          } else if (v != null) {
            row.createCell(c).setCellValue(v.toString());
          }
        }
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void line(StringBuilder out, List<?> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      Object v = cells.get(i);
      String s = v == null ? "" : v instanceof BigDecimal b ? b.toPlainString() : v.toString();
      boolean quote = s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
          || s.startsWith("=") || s.startsWith("+") || s.startsWith("-") || s.startsWith("@");
      // A leading quote keeps a spreadsheet from running cell text as a formula (CSV injection).
      String safe = (s.startsWith("=") || s.startsWith("+") || s.startsWith("@") || (s.startsWith("-") && !isNumber(s)))
          ? "'" + s : s;
      out.append(quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe);
    }
    out.append("\r\n");
  }

  private static boolean isNumber(String s) {
    try {
      new BigDecimal(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}

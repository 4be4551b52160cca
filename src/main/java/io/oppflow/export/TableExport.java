package io.oppflow.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes tables as CSV (UTF-8 with BOM) or XLSX; {@link ExportRequest} answers a request in the format it asked for. */
public final class TableExport {

  private TableExport() {}

  public static byte[] csv(Table table) {
    StringBuilder out = new StringBuilder("\uFEFF");
    line(out, table.columns());
    table.rows().forEach(r -> line(out, r));
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] xlsx(Table table) {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      // a sheet name has at most 31 characters and none of : / ? * [ ] (a table may be named after a code)
      Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(table.name()));
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

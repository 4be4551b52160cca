package io.oppflow.export;

import io.oppflow.export.internal.ExportFormat;
import io.oppflow.shared.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * How a request wants its table: as JSON, or as CSV or XLSX when it says {@code format=csv|xlsx} or
 * {@code Accept: text/csv} (or the XLSX media type). A handler method that declares it gets it resolved from
 * the request, and its API documentation shows the {@code format} parameter; a format that is none of these is
 * refused with 400 naming {@code format}.
 */
public final class ExportRequest {

  private final ExportFormat format;

  ExportRequest(ExportFormat format) {
    this.format = format;
  }

  /** Whether the request asked for a table (CSV or XLSX) rather than JSON. */
  public boolean isTable() {
    return format != null;
  }

  /** The export of {@code table} if the request asked for CSV or XLSX, otherwise {@code json} as JSON. */
  public ResponseEntity<?> respond(Object json, Supplier<Table> table) {
    if (format == null) {
      return ResponseEntity.ok(json);
    }
    Table t = table.get();
    byte[] body = format == ExportFormat.CSV ? TableExport.csv(t) : TableExport.xlsx(t);
    return ResponseEntity.ok()
        .contentType(format.mediaType())
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(t.name() + "." + format.extension(), StandardCharsets.UTF_8).build().toString())
        .body(body);
  }

  /** What {@code format} (csv, xlsx, json; may be null) or else the Accept header (may be null) asks for. */
  public static ExportRequest of(String format, String accept) {
    Optional<ExportFormat> asked;
    try {
      asked = ExportFormat.requested(format, accept);
    } catch (IllegalArgumentException e) {
      throw InvalidRequestException.of("format", e.getMessage());
    }
    return new ExportRequest(asked.orElse(null));
  }
}

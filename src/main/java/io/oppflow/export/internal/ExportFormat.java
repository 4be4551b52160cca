package io.oppflow.export.internal;

import java.util.Locale;
import java.util.Optional;
import org.springframework.http.MediaType;

/** The export formats and how a request asks for them. */
public enum ExportFormat {
  CSV("text/csv", "csv"),
  XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

  private final MediaType mediaType;
  private final String extension;

  ExportFormat(String mediaType, String extension) {
    this.mediaType = MediaType.parseMediaType(mediaType);
    this.extension = extension;
  }

  public MediaType mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  /**
   * The format asked for by {@code format} (csv, xlsx; json or empty = none) or else by the Accept
   * header; empty means answer JSON.
   */
  public static Optional<ExportFormat> requested(String format, String accept) {
    if (format != null && !format.isBlank()) {
      return switch (format.toLowerCase(Locale.ROOT)) {
        case "csv" -> Optional.of(CSV);
        case "xlsx" -> Optional.of(XLSX);
        case "json" -> Optional.empty();
        default -> throw new IllegalArgumentException("格式须为 json、csv 或 xlsx / format must be json, csv or xlsx");
      };
    }
    if (accept != null) {
      for (MediaType type : MediaType.parseMediaTypes(accept)) {
        for (ExportFormat f : values()) {
          if (f.mediaType.equalsTypeAndSubtype(type)) {
            return Optional.of(f);
          }
        }
      }
    }
    return Optional.empty();
  }
}

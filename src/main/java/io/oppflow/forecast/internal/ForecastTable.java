package io.oppflow.forecast.internal;

import io.oppflow.shared.InvalidRequestException;
import java.util.Locale;

/** Which table of GET /api/forecast an export gives: per stage (default) or each opportunity counted. */
enum ForecastTable {
  STAGES, OPPORTUNITIES;

  static ForecastTable parse(String table) {
    if (table == null || table.isBlank()) {
      return STAGES;
    }
    return switch (table.strip().toLowerCase(Locale.ROOT)) {
      case "stages" -> STAGES;
      case "opportunities" -> OPPORTUNITIES;
      default -> throw InvalidRequestException.of("table", "须为 stages 或 opportunities / must be stages or opportunities");
    };
  }
}

package io.oppflow.gate.internal;

import io.oppflow.shared.InvalidRequestException;
import java.util.Locale;

/** Which table of GET /api/rules an export gives: the versions (default) or the audit trail of rule changes. */
enum RuleSetTable {
  VERSIONS, EVENTS;

  static RuleSetTable parse(String table) {
    if (table == null || table.isBlank()) {
      return VERSIONS;
    }
    return switch (table.strip().toLowerCase(Locale.ROOT)) {
      case "versions" -> VERSIONS;
      case "events" -> EVENTS;
      default -> throw InvalidRequestException.of("table", "须为 versions 或 events / must be versions or events");
    };
  }
}

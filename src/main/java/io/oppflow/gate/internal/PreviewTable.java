package io.oppflow.gate.internal;

import io.oppflow.shared.InvalidRequestException;
import java.util.Locale;

/** Which table of a rule-change preview an export gives: per stage (default), per criterion, or the examples. */
enum PreviewTable {
  STAGES, CRITERIA, EXAMPLES;

  static PreviewTable parse(String table) {
    if (table == null || table.isBlank()) {
      return STAGES;
    }
    return switch (table.strip().toLowerCase(Locale.ROOT)) {
      case "stages" -> STAGES;
      case "criteria" -> CRITERIA;
      case "examples" -> EXAMPLES;
      default -> throw InvalidRequestException.of("table", "须为 stages、criteria 或 examples / "
          + "must be stages, criteria or examples");
    };
  }
}

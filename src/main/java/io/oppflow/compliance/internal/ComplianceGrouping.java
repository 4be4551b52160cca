package io.oppflow.compliance.internal;

import io.oppflow.shared.InvalidRequestException;
import java.util.Locale;

/** How a compliance report is broken down. */
public enum ComplianceGrouping {
  OWNER, ORG_UNIT, CRITERION;

  static ComplianceGrouping parse(String groupBy) {
    if (groupBy == null || groupBy.isBlank()) {
      return OWNER;
    }
    return switch (groupBy.strip().toLowerCase(Locale.ROOT)) {
      case "owner" -> OWNER;
      case "orgunit" -> ORG_UNIT;
      case "criterion" -> CRITERION;
      default -> throw InvalidRequestException.of("groupBy", "须为 owner、orgUnit 或 criterion 之一 / "
          + "must be one of owner, orgUnit, criterion");
    };
  }

  String label() {
    return switch (this) {
      case OWNER -> "owner";
      case ORG_UNIT -> "orgUnit";
      case CRITERION -> "criterion";
    };
  }
}

package io.oppflow.warning.internal;

import io.oppflow.organization.OrgUnit;
import io.oppflow.shared.InvalidRequestException;
import io.oppflow.organization.OrgUnitDirectory;
import java.util.Locale;

/**
 * What the caller asked for: warnings of an org unit (the unit and below), of an owner, of a kind; each
 * may be null.
 */
public record WarningQuery(String orgUnit, String owner, WarningKind kind) {

  /** Parses the request parameters, refusing an org unit that is not a path or an unknown kind. */
  public static WarningQuery of(String orgUnit, String owner, String kind) {
    String unit = OrgUnit.checkedFilter(orgUnit);
    WarningKind k = null;
    if (kind != null && !kind.isBlank()) {
      try {
        k = WarningKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw InvalidRequestException.of("kind", "须为 STALLED（停滞）、SKIPPED_STAGE（跳过阶段）或 REOPENED（重新打开） / "
            + "must be STALLED, SKIPPED_STAGE or REOPENED");
      }
    }
    return new WarningQuery(unit, owner == null || owner.isBlank() ? null : owner.strip(), k);
  }
}

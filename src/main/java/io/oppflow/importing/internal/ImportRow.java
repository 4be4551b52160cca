package io.oppflow.importing.internal;

import io.oppflow.opportunity.ImportedOpportunity;

/**
 * A data row of an import file: the opportunity it describes, or why it cannot be imported.
 *
 * @param opportunity null when rejected
 * @param rejection null when accepted
 */
public record ImportRow(int line, ImportedOpportunity opportunity, String rejection) {

  static ImportRow accepted(int line, ImportedOpportunity opportunity) {
    return new ImportRow(line, opportunity, null);
  }

  static ImportRow rejected(int line, String reason) {
    return new ImportRow(line, null, reason);
  }

  boolean isAccepted() {
    return rejection == null;
  }
}

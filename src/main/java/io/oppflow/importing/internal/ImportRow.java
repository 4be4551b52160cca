package io.oppflow.importing.internal;

import io.oppflow.funnel.StageIntervals.ImportedInterval;
import io.oppflow.opportunity.ImportedOpportunity;
import java.util.List;

/**
 * A data row of an import file: the opportunity it describes and the stage history it implies, or why it
 * cannot be imported.
 *
 * @param opportunity null when rejected
 * @param history the stage intervals in stage order; empty when rejected
 * @param rejection null when accepted
 */
public record ImportRow(int line, ImportedOpportunity opportunity, List<ImportedInterval> history, String rejection) {

  static ImportRow accepted(int line, ImportedOpportunity opportunity, List<ImportedInterval> history) {
    return new ImportRow(line, opportunity, history, null);
  }

  static ImportRow rejected(int line, String reason) {
    return new ImportRow(line, null, List.of(), reason);
  }

  boolean isAccepted() {
    return rejection == null;
  }
}

package io.oppflow.importing.internal;

import io.oppflow.funnel.StageDefinition;
import io.oppflow.funnel.StageIntervals.ImportedInterval;
import io.oppflow.funnel.StageOutcome;
import io.oppflow.opportunity.ImportedOpportunity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The stage history an import row implies, from the little it says: created on, current stage (open)
 * or closed on and how. Time is booked only where the row puts it; stages the opportunity must have
 * passed without a known date get zero-length intervals. Stated in docs/importing.md:
 * <ul>
 *   <li>open at stage S: every stage before S entered and advanced at created_on; S entered at created_on,
 *       still open;</li>
 *   <li>won: the first stage from created_on to closed_on; every later stage entered and advanced at
 *       closed_on (the last one advanced = won);</li>
 *   <li>lost: the first stage from created_on to closed_on, left as lost (the file does not say where).</li>
 * </ul>
 */
public final class ImportedHistory {

  private ImportedHistory() {}

  static List<ImportedInterval> of(ImportedOpportunity o, List<StageDefinition> stages) {
    List<ImportedInterval> history = new ArrayList<>();
    if (stages.isEmpty()) {
      return history;
    }
    Instant created = o.createdAt();
    switch (o.status()) {
      case OPEN -> {
        for (StageDefinition s : stages) {
          boolean current = s.code().equals(o.stage());
          history.add(new ImportedInterval(s, created, current ? null : created, current ? null : StageOutcome.ADVANCED));
          if (current) {
            break;
          }
        }
      }
      case WON -> {
        history.add(new ImportedInterval(stages.get(0), created, o.closedAt(), StageOutcome.ADVANCED));
        stages.stream().skip(1).forEach(s ->
            history.add(new ImportedInterval(s, o.closedAt(), o.closedAt(), StageOutcome.ADVANCED)));
      }
      case LOST -> history.add(new ImportedInterval(stages.get(0), created, o.closedAt(), StageOutcome.LOST));
    }
    return history;
  }
}

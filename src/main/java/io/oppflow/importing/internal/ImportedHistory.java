package io.oppflow.importing.internal;

import io.oppflow.funnel.StageDefinition;
import io.oppflow.funnel.StageIntervals.ImportedInterval;
import io.oppflow.funnel.StageOutcome;
import io.oppflow.opportunity.OpportunityStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The stage history an import row implies, in stage order, from what it says: created on, the entry dates of
 * the stages it gives ({@code entered_<stage>_on}, {@code stage_entered_on}), where it stands or ended (the
 * open stage, the stage it was lost at, the last stage for a won one) and when it closed. Time is booked only
 * where the row puts it; stages passed at a date the row does not give get zero-length intervals. Stated in
 * docs/importing.md:
 * <ul>
 *   <li>the first stage is entered at its own date if given, else at created_on;</li>
 *   <li>any other stage without a date is entered at the next date the row gives after it: a later stage's
 *       entry, else closed_on; only the stage an open row is in has no later date, and is then entered at
 *       the last date before it (created_on if none);</li>
 *   <li>each stage is left, advanced, when the next is entered; the last one is still open, or left at
 *       closed_on as won (advanced) or lost.</li>
 * </ul>
 * The dates are checked to be in stage order before (by {@link RowParser}), so the history never goes back.
 *
 * <p>An interval is <em>timed</em> (its dwell is true history, which the funnel's dwell figures count) when the row
 * dates both its ends: its entry is the stage's own date (the first stage's created_on counts: an opportunity enters
 * its first stage when it is created), and its exit is the next stage's own date, or closed_on for the stage a closed
 * row ended in — but for a lost row only if it says where it was lost ({@code lost_at_stage}); the first stage it
 * is otherwise put in is an assumption. The interval an open row is in is timed if its entry is dated: the engine
 * times its exit.
 */
public final class ImportedHistory {

  private ImportedHistory() {}

  /**
   * @param last the index of the stage the row is in or ended in
   * @param given the entry dates the row gives, by stage index
   * @param closedAt null for an open row
   * @param lossStageGiven whether a lost row says the stage it was lost in ({@code lost_at_stage})
   */
  static List<ImportedInterval> of(List<StageDefinition> stages, OpportunityStatus status, int last,
      Map<Integer, Instant> given, Instant createdAt, Instant closedAt, boolean lossStageGiven) {
    List<ImportedInterval> history = new ArrayList<>();
    if (stages.isEmpty()) {
      return history;
    }
    Instant[] entered = new Instant[last + 1];
    entered[0] = given.getOrDefault(0, createdAt);
    for (int i = 1; i <= last; i++) {
      entered[i] = given.containsKey(i) ? given.get(i) : nextGiven(given, i, last)
          .orElse(closedAt != null ? closedAt : entered[i - 1]);
    }
    for (int i = 0; i < last; i++) {
      history.add(new ImportedInterval(stages.get(i), entered[i], entered[i + 1], StageOutcome.ADVANCED,
          dated(given, i) && dated(given, i + 1)));
    }
    boolean lastTimed = dated(given, last) && (status != OpportunityStatus.LOST || lossStageGiven);
    history.add(switch (status) {
      case OPEN -> new ImportedInterval(stages.get(last), entered[last], null, null, lastTimed);
      case WON -> new ImportedInterval(stages.get(last), entered[last], closedAt, StageOutcome.ADVANCED, lastTimed);
      case LOST -> new ImportedInterval(stages.get(last), entered[last], closedAt, StageOutcome.LOST, lastTimed);
    });
    return history;
  }

  /** Whether the row dates the entry of stage {@code i}: its own date, or created_on for the first stage. */
  private static boolean dated(Map<Integer, Instant> given, int i) {
    return i == 0 || given.containsKey(i);
  }

  private static java.util.Optional<Instant> nextGiven(Map<Integer, Instant> given, int after, int last) {
    for (int j = after + 1; j <= last; j++) {
      if (given.containsKey(j)) {
        return java.util.Optional.of(given.get(j));
      }
    }
    return java.util.Optional.empty();
  }
}

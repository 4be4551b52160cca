package io.oppflow.warning.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Finds skipped stages and reopened opportunities in one opportunity's stage intervals. */
public final class StageHistoryWarnings {

  /** One stage interval, as the funnel projection keeps it; {@code outcome} null while open. */
  record Interval(String opportunity, String process, String stage, int order, Instant enteredAt, Instant leftAt,
      String outcome) {}

  /** What was found: the interval it is about, and the one before it (null for the first). */
  record Finding(WarningKind kind, Interval interval, Interval previous, boolean leftWithoutGate) {}

  private StageHistoryWarnings() {}

  /** @param intervals one opportunity's intervals in the order they were entered */
  static List<Finding> of(List<Interval> intervals) {
    List<Finding> found = new ArrayList<>();
    Set<String> entered = new HashSet<>();
    int highest = Integer.MIN_VALUE;
    Interval previous = null;
    for (Interval i : intervals) {
      if (previous != null) {
        if (entered.contains(i.stage()) || i.order() < highest) {
          found.add(new Finding(WarningKind.REOPENED, i, previous, false));
        } else if (i.order() > previous.order() + 1) {
          found.add(new Finding(WarningKind.SKIPPED_STAGE, i, previous, false));
        }
      }
      if ("LEFT".equals(i.outcome())) {
        found.add(new Finding(WarningKind.SKIPPED_STAGE, i, previous, true));
      }
      entered.add(i.stage());
      highest = Math.max(highest, i.order());
      previous = i;
    }
    return found;
  }
}

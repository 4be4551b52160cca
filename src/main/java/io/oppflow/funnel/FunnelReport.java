package io.oppflow.funnel;

import io.oppflow.shared.Message;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The measured funnel: one group per slice (key {@code all} without grouping) and the funnel's shape.
 * Rates are fractions (0.25 = 25 %), rounded to 4 decimals; null where the denominator is 0.
 *
 * @param ownerAt whose the stage figures are under an owner or org unit filter or grouping ({@link OwnerAt}); the
 *     totals per opportunity are always under its owner now ({@link OwnerAt#OF_OPPORTUNITY})
 */
public record FunnelReport(String process, OwnerAt ownerAt, List<Group> groups, Shape shape) {

  /** One slice of the funnel. */
  public record Group(String key, List<Stage> stages, long won, long lost, long open, BigDecimal winRate,
      BigDecimal avgCycleDaysWon, BigDecimal weightedPipeline, BigDecimal wonAmount) {

    public Stage stage(String code) {
      return stages.stream().filter(s -> s.stage().equals(code)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("No stage " + code));
    }
  }

  /** One stage of one slice: entries in the period and how they ended; dwell of the ones that ended. */
  public record Stage(String stage, Message name, long entered, long advanced, long lost, long left, long open,
      BigDecimal conversionRate, BigDecimal avgDwellDays, BigDecimal medianDwellDays, BigDecimal p90DwellDays) {}

  /** The slope (漏斗斜度) of each stage over all groups: the share of its entries that did not reach the next. */
  public record Shape(Map<String, BigDecimal> slope) {}

  /** The one group of an ungrouped report. */
  public Group all() {
    return groups.stream().filter(g -> g.key().equals("all")).findFirst()
        .orElseThrow(() -> new IllegalStateException("Not an ungrouped report"));
  }
}

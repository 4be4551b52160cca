package io.oppflow.funnel;

import io.oppflow.shared.InvalidRequestException;

/**
 * Whose a stage entry is when the funnel is filtered or sliced by owner or org unit: the owner and org unit the
 * opportunity had when it entered the stage ({@link #ENTRY}, the default: a rep keeps what they did before a
 * reassignment), or those it has now ({@link #CURRENT}: everything follows the opportunity to its new owner).
 * API {@code ownerAt=entry|current}; see docs/metrics.md "Owner at entry or now".
 */
public enum OwnerAt {
  ENTRY,
  CURRENT;

  /**
   * Whose an opportunity is when a reading counts the opportunity itself, not one of its stage entries: its owner
   * and org unit now. An open deal is its current owner's pipeline (forecasts, open totals); a won or lost one can
   * no longer be reassigned, so its current owner is who closed it (won and lost totals, win rate, cycle). Readings
   * of that kind take no {@code ownerAt} and echo this one.
   */
  public static final OwnerAt OF_OPPORTUNITY = CURRENT;

  /** How the API names it, and how responses echo it: {@code entry} or {@code current}. */
  @com.fasterxml.jackson.annotation.JsonValue
  public String apiName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The SQL of the {@code owner} or {@code org_unit} a counted event of an opportunity is under, for readings whose
   * events are not stage entries (a stage entry keeps its own copy, {@code stage_interval.owner}): {@link #ENTRY} the
   * one the opportunity had at the event — the {@code from_} side of its first reassignment after {@code instant},
   * else the one it has now; {@link #CURRENT} the one it has now.
   *
   * @param column {@code owner} or {@code org_unit}
   * @param opportunity the alias of the opportunity's row
   * @param instant the SQL of when the event happened, e.g. {@code g.evaluated_at}
   */
  public String sqlAt(String column, String opportunity, String instant) {
    if (!column.equals("owner") && !column.equals("org_unit")) {
      throw new IllegalArgumentException("not a column of whose: " + column);
    }
    String now = opportunity + "." + column;
    if (this == CURRENT) {
      return now;
    }
    return "coalesce((select r.from_" + column + " from opportunity_reassignment r where r.opportunity_code = "
        + opportunity + ".code and r.reassigned_at > " + instant + " order by r.reassigned_at, r.id"
        + " fetch first 1 rows only), " + now + ")";
  }

  /** {@code entry} or {@code current}; null or blank = {@link #ENTRY}; anything else 400 naming ownerAt. */
  public static OwnerAt parse(String value) {
    if (value == null || value.isBlank()) {
      return ENTRY;
    }
    return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "entry" -> ENTRY;
      case "current" -> CURRENT;
      default -> throw InvalidRequestException.of("ownerAt", "须为 entry（阶段进入时的负责人）或 current（当前负责人） / must be entry or current");
    };
  }
}

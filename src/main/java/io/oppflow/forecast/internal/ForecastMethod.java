package io.oppflow.forecast.internal;

import java.util.Locale;

/** How a forecast weighs each open opportunity's amount. */
public enum ForecastMethod {
  /** By the stage's win probability modelled in the BPMN (the ideal model). */
  WEIGHTED("weighted"),
  /** By the win rate measured from the stage history over a past window. */
  HISTORICAL("historical"),
  /**
   * By the chance, learned from past period starts, that an opportunity open in its stage for so many days is won
   * within a period, plus the run rate won from opportunities not yet open at the start: needs no expected close date.
   */
  STAGE_AGE("stage-age"),
  /**
   * As stage-age, but the run rate is learned from the past starts of the same season (whole years before), when the
   * window holds one; otherwise it falls back to stage-age's mean over all learned starts.
   */
  STAGE_AGE_SEASONAL("stage-age-seasonal");

  private final String id;

  ForecastMethod(String id) {
    this.id = id;
  }

  static ForecastMethod parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    for (ForecastMethod m : values()) {
      if (m.id.equals(t) || m.name().equalsIgnoreCase(t)) {
        return m;
      }
    }
    throw new IllegalArgumentException("'" + text + "' 不是预测方法：请用 weighted（加权法）、historical（历史法）、stage-age（阶段停留法）"
        + "或 stage-age-seasonal（阶段停留法，同期运行率） / '" + text
        + "' is not a method: use weighted, historical, stage-age or stage-age-seasonal");
  }

  /** Whether it learns from past period starts (stage and days in stage, and the run rate). */
  boolean learnsFromPastStarts() {
    return this == STAGE_AGE || this == STAGE_AGE_SEASONAL;
  }

  String id() {
    return id;
  }
}

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
  STAGE_AGE("stage-age");

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
    throw new IllegalArgumentException("'" + text + "' 不是预测方法：请用 weighted（加权法）、historical（历史法）或 stage-age（阶段停留法） / '"
        + text + "' is not a method: use weighted, historical or stage-age");
  }

  String id() {
    return id;
  }
}

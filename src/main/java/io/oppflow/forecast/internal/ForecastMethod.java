package io.oppflow.forecast.internal;

import java.util.Locale;

/** How a forecast weighs each open opportunity's amount. */
public enum ForecastMethod {
  /** By the stage's win probability modelled in the BPMN (the ideal model). */
  WEIGHTED,
  /** By the win rate measured from the stage history over a past window. */
  HISTORICAL;

  static ForecastMethod parse(String text) {
    for (ForecastMethod m : values()) {
      if (m.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
        return m;
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not a method: use weighted or historical");
  }

  String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}

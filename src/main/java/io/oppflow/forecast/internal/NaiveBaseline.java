package io.oppflow.forecast.internal;

/**
 * The naive forecasts a method must beat to be worth trusting: what was won in the period before, or in the same
 * period a year earlier. Each is known only if the scope's history had begun by that period's start.
 */
enum NaiveBaseline {
  SAME_AS_LAST_PERIOD("same-as-last-period") {
    @Override
    SalesPeriod source(SalesPeriod period) {
      return period.previous();
    }
  },
  SAME_PERIOD_LAST_YEAR("same-period-last-year") {
    @Override
    SalesPeriod source(SalesPeriod period) {
      return period.yearBefore();
    }
  };

  private final String id;

  NaiveBaseline(String id) {
    this.id = id;
  }

  /** The period whose amount won is this baseline's forecast of {@code period}. */
  abstract SalesPeriod source(SalesPeriod period);

  String id() {
    return id;
  }
}

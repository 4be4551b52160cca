package io.oppflow.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A back-test: for each past period, what each method would have forecast at its start against what
 * was actually won in it; per method the mean absolute percentage error; the method to trust.
 *
 * @param period the current period; the {@code rows} are the periods before it, oldest first
 * @param process the stage process back-tested (the one asked for, or the default)
 * @param trust the method with the lowest MAPE (null if none could be measured)
 */
public record BacktestView(String period, String process, int periods, int windowMonths, List<Row> rows, List<Accuracy> accuracy,
    String trust, String reason) {

  /** One past period: what was won and what each method forecast at its start. */
  public record Row(String period, LocalDate start, LocalDate end, BigDecimal actual, List<MethodForecast> forecasts) {}

  /** @param errorPercent (forecast − actual) / actual × 100; null when nothing was won */
  public record MethodForecast(String method, BigDecimal forecast, BigDecimal errorPercent) {}

  /** @param mape mean of |error %| over the {@code periodsMeasured} periods with something won */
  public record Accuracy(String method, BigDecimal mape, int periodsMeasured) {}
}

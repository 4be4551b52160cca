package io.oppflow.forecast;

import io.oppflow.funnel.OwnerAt;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A back-test: for each past period, what each method would have forecast at its start against what
 * was actually won in it, beside the naive baselines ({@code same-as-last-period}: what was won in the period
 * before; {@code same-period-last-year}: what was won in the same period a year earlier); per method and baseline
 * the mean absolute percentage error; the one to trust.
 *
 * @param period the current period; the {@code rows} are the periods before it, oldest first
 * @param process the stage process back-tested (the one asked for, or the default)
 * @param ownerAt whose opportunities an owner or org unit filter selects, in every past period too: their owner now
 *     ({@link OwnerAt#OF_OPPORTUNITY}; docs/metrics.md "Owner at entry or now")
 * @param trust the method or baseline whose mean |error| was below every other's, each pair compared over the periods
 *     both were measured in; if none was, the lowest MAPE (null if nothing could be measured)
 */
public record BacktestView(String period, String process, OwnerAt ownerAt, int periods, int windowMonths, List<Row> rows,
    List<Accuracy> accuracy, String trust, String reason) {

  /** One past period: what was won and what each method forecast at its start. */
  public record Row(String period, LocalDate start, LocalDate end, BigDecimal actual, List<MethodForecast> forecasts) {}

  /**
   * @param kind {@code method} (a forecast method) or {@code baseline} (a naive baseline)
   * @param forecast null for a baseline whose period lies before the scope's history began
   * @param errorPercent (forecast − actual) / actual × 100; null when nothing was won or there is no forecast
   */
  public record MethodForecast(String method, String kind, BigDecimal forecast, BigDecimal errorPercent) {}

  /**
   * @param mape mean of |error %| over the {@code periodsMeasured} periods with something won and a forecast
   * @param beatsBaselines for a method: whether its mean |error| is below every measured baseline's, each compared over
   *     the periods both were measured in (null for a baseline, or when it shares no measured period with any)
   */
  public record Accuracy(String method, String kind, BigDecimal mape, int periodsMeasured, Boolean beatsBaselines) {}
}

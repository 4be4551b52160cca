package io.oppflow.forecast;

import io.oppflow.shared.Message;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A forecast: the expected amount won in the period, per stage and in total.
 *
 * @param process the stage process forecast (the one asked for, or the default: see {@code StageProcesses})
 * @param windowMonths the history window of the historical method (null for weighted)
 * @param opportunities each opportunity counted, only when asked for ({@code details=true})
 */
public record ForecastView(String period, String process, String method, Integer windowMonths, BigDecimal total,
    List<StageForecast> byStage, List<OpportunityForecast> opportunities) {

  /**
   * One stage's part of a forecast.
   *
   * @param winRate for the historical method: what the probability was measured from
   */
  public record StageForecast(String stage, Message name, int opportunities, BigDecimal amount, BigDecimal probability,
      BigDecimal expected, WinRateBasis winRate) {}

  /**
   * The measurement behind a historical probability: entries in the window won, lost and unresolved;
   * {@code source} is {@code history}, or {@code model} when none had closed and the BPMN probability stood in.
   */
  public record WinRateBasis(long won, long lost, long unresolved, String source) {}

  /** One opportunity counted in a forecast. */
  public record OpportunityForecast(String code, String owner, String orgUnit, String stage, BigDecimal amount,
      LocalDate expectedCloseDate, BigDecimal probability, BigDecimal expected) {}
}

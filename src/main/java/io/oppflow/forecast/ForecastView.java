package io.oppflow.forecast;

import io.oppflow.funnel.OwnerAt;
import io.oppflow.shared.Message;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A forecast: the expected amount won in the period, per stage and in total.
 *
 * @param process the stage process forecast (the one asked for, or the default: see {@code StageProcesses})
 * @param ownerAt whose opportunities an owner or org unit filter selects: always their owner now
 *     ({@link OwnerAt#OF_OPPORTUNITY}; docs/metrics.md "Owner at entry or now")
 * @param windowMonths the history window of the historical and stage-age methods (null for weighted)
 * @param total for stage-age: Σ {@code byStage.expected} + {@code runRate}
 * @param opportunities each opportunity counted, only when asked for ({@code details=true})
 * @param runRate stage-age methods only: the mean amount won in a period by opportunities not open at its start
 * @param snapshots stage-age methods only: how many past period starts the chances were learned from
 * @param runRateBasis stage-age methods only: which of those starts the run rate is the mean of
 */
public record ForecastView(String period, String process, OwnerAt ownerAt, String method, Integer windowMonths,
    BigDecimal total, List<StageForecast> byStage, List<OpportunityForecast> opportunities, BigDecimal runRate,
    Integer snapshots, RunRateBasis runRateBasis) {

  /** A forecast of a stage-age method. */
  public ForecastView(String period, String process, String method, Integer windowMonths, BigDecimal total,
      List<StageForecast> byStage, List<OpportunityForecast> opportunities, BigDecimal runRate, Integer snapshots,
      RunRateBasis runRateBasis) {
    this(period, process, OwnerAt.OF_OPPORTUNITY, method, windowMonths, total, byStage, opportunities, runRate,
        snapshots, runRateBasis);
  }

  /** A forecast of the weighted or historical method (no run rate). */
  public ForecastView(String period, String process, String method, Integer windowMonths, BigDecimal total,
      List<StageForecast> byStage, List<OpportunityForecast> opportunities) {
    this(period, process, method, windowMonths, total, byStage, opportunities, null, null, null);
  }

  /**
   * The past period starts a run rate is the mean of. {@code learnedFrom} is {@code all-starts} (every learned start,
   * as stage-age does) or {@code same-season} (those a whole number of years before the period's start, as
   * stage-age-seasonal does when the window holds one); {@code fellBack} (stage-age-seasonal only) is true when it
   * held none and the mean over all learned starts stood in.
   */
  public record RunRateBasis(String learnedFrom, List<LocalDate> starts, Boolean fellBack) {}

  /**
   * One stage's part of a forecast.
   *
   * @param winRate for the historical method: what the probability was measured from
   * @param byAge for the stage-age method: the stage's open opportunities by days in the stage
   */
  public record StageForecast(String stage, Message name, int opportunities, BigDecimal amount, BigDecimal probability,
      BigDecimal expected, WinRateBasis winRate, List<AgeForecast> byAge) {

    public StageForecast(String stage, Message name, int opportunities, BigDecimal amount, BigDecimal probability,
        BigDecimal expected, WinRateBasis winRate) {
      this(stage, name, opportunities, amount, probability, expected, winRate, null);
    }
  }

  /**
   * The stage-age method's part of a stage for the opportunities that had been in it {@code fromDays} to
   * {@code toDays} (exclusive; null: no upper end) days at the forecast's instant.
   *
   * @param age the bucket as a label: {@code 0-29}, {@code 30-59}, {@code 60-89}, {@code 90-179}, {@code 180+}
   * @param probability the learned chance of being won within the period
   * @param basis what the chance was learned from
   */
  public record AgeForecast(String age, int fromDays, Integer toDays, int opportunities, BigDecimal amount,
      BigDecimal probability, BigDecimal expected, AgeBasis basis) {}

  /**
   * The evidence behind a stage-age chance: of the {@code open} opportunities seen at past period starts, {@code won}
   * were won before that period ended; {@code source} is {@code history} (this stage and age), {@code stage} (none
   * seen at this age: the stage at any age) or {@code model} (none seen in the stage: the BPMN probability).
   * {@code meanWonAmount} stands in for the amount of an opportunity that has none.
   */
  public record AgeBasis(long open, long won, BigDecimal meanWonAmount, String source) {}

  /**
   * The measurement behind a historical probability: entries in the window won, lost and unresolved;
   * {@code source} is {@code history}, or {@code model} when none had closed and the BPMN probability stood in.
   */
  public record WinRateBasis(long won, long lost, long unresolved, String source) {}

  /** One opportunity counted in a forecast. */
  public record OpportunityForecast(String code, String owner, String orgUnit, String stage, BigDecimal amount,
      LocalDate expectedCloseDate, BigDecimal probability, BigDecimal expected) {}
}

package io.oppflow.forecast.internal;

import io.oppflow.forecast.ForecastView;
import io.oppflow.shared.Message;
import io.oppflow.forecast.ForecastView.OpportunityForecast;
import io.oppflow.forecast.ForecastView.StageForecast;
import io.oppflow.forecast.ForecastView.WinRateBasis;
import io.oppflow.funnel.StageDefinition;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of a forecast, free of I/O: each opportunity's amount times its stage's win
 * probability, summed per stage. Historical rates are kept as fractions won / (won + lost) until the
 * final rounding, so 600 × 1/3 is 200.00, not 199.98.
 */
public final class ForecastCalculation {

  private static final int MONEY = 2;
  private static final int PROBABILITY = 4;

  private ForecastCalculation() {}

  static ForecastView compute(SalesPeriod period, String process, ForecastMethod method, Integer windowMonths,
      List<StageDefinition> stages, Map<String, StageWinRate> rates, List<PipelineEntry> pipeline, boolean details) {
    Map<String, StageDefinition> byCode = new LinkedHashMap<>();
    stages.forEach(s -> byCode.put(s.code(), s));
    pipeline.stream().map(PipelineEntry::stage).filter(code -> !byCode.containsKey(code)).distinct()
        // A stage no longer in the latest BPMN version: still forecast, with no modelled probability.
        .forEach(code -> byCode.put(code, new StageDefinition(code, Integer.MAX_VALUE, new Message(code, code), BigDecimal.ZERO)));

    List<StageForecast> byStage = new ArrayList<>();
    List<OpportunityForecast> counted = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    for (StageDefinition stage : byCode.values()) {
      Probability p = probability(method, stage, rates.get(stage.code()));
      BigDecimal amount = BigDecimal.ZERO;
      BigDecimal expected = BigDecimal.ZERO;
      int count = 0;
      for (PipelineEntry e : pipeline) {
        if (e.stage().equals(stage.code())) {
          BigDecimal a = e.amount() == null ? BigDecimal.ZERO : e.amount();
          amount = amount.add(a);
          expected = expected.add(p.times(a));
          count++;
          if (details) {
            counted.add(new OpportunityForecast(e.code(), e.owner(), e.orgUnit(), e.stage(), a, e.expectedCloseDate(),
                p.rounded(), money(p.times(a))));
          }
        }
      }
      expected = money(expected);
      total = total.add(expected);
      byStage.add(new StageForecast(stage.code(), stage.name(), count, amount.setScale(MONEY, RoundingMode.HALF_UP),
          p.rounded(), expected, p.basis()));
    }
    return new ForecastView(period.label(), process, method.id(), windowMonths, total, byStage, details ? counted : null);
  }

  /** The amount expected in total (the number the back-test compares). */
  static BigDecimal total(ForecastMethod method, List<StageDefinition> stages, Map<String, StageWinRate> rates,
      List<PipelineEntry> pipeline, SalesPeriod period) {
    return compute(period, null, method, null, stages, rates, pipeline, false).total();
  }

  private static Probability probability(ForecastMethod method, StageDefinition stage, StageWinRate rate) {
    BigDecimal modelled = stage.winProbability() == null ? BigDecimal.ZERO : stage.winProbability();
    if (method == ForecastMethod.WEIGHTED) {
      return new Probability(modelled, BigDecimal.ONE, null);
    }
    if (rate == null || !rate.measured()) {
      long unresolved = rate == null ? 0 : rate.unresolved();
      return new Probability(modelled, BigDecimal.ONE, new WinRateBasis(0, 0, unresolved, "model"));
    }
    return new Probability(BigDecimal.valueOf(rate.won()), BigDecimal.valueOf(rate.won() + rate.lost()),
        new WinRateBasis(rate.won(), rate.lost(), rate.unresolved(), "history"));
  }

  private static BigDecimal money(BigDecimal value) {
    return value.setScale(MONEY, RoundingMode.HALF_UP);
  }

  /** A probability as an exact fraction, with what it was measured from (historical only). */
  private record Probability(BigDecimal numerator, BigDecimal denominator, WinRateBasis basis) {

    BigDecimal times(BigDecimal amount) {
      return amount.multiply(numerator).divide(denominator, 10, RoundingMode.HALF_UP);
    }

    BigDecimal rounded() {
      return numerator.divide(denominator, PROBABILITY, RoundingMode.HALF_UP);
    }
  }
}

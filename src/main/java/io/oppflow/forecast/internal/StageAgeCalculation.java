package io.oppflow.forecast.internal;

import io.oppflow.forecast.ForecastView;
import io.oppflow.forecast.ForecastView.AgeBasis;
import io.oppflow.forecast.ForecastView.AgeForecast;
import io.oppflow.forecast.ForecastView.OpportunityForecast;
import io.oppflow.forecast.ForecastView.RunRateBasis;
import io.oppflow.forecast.ForecastView.StageForecast;
import io.oppflow.funnel.StageDefinition;
import io.oppflow.shared.Message;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of the stage-age forecast, free of I/O: each open opportunity's amount (or, lacking one, the mean
 * amount won from its cell) times the learned chance that a deal of its stage and days in stage is won within the
 * period, summed per stage and age; plus the learned run rate: the mean over every learned start (stage-age), or over
 * those of the same season, falling back to the mean (stage-age-seasonal). The chances are the same in both.
 */
final class StageAgeCalculation {

  private static final int MONEY = 2;
  private static final int PROBABILITY = 4;

  private StageAgeCalculation() {}

  /**
   * @param method {@link ForecastMethod#STAGE_AGE} or {@link ForecastMethod#STAGE_AGE_SEASONAL}
   * @param at the instant the ages are counted to (the period's start)
   */
  static ForecastView compute(SalesPeriod period, String process, ForecastMethod method, int windowMonths,
      List<StageDefinition> stages, StageAgeModel model, List<OpenDeal> pipeline, OffsetDateTime at, boolean details) {
    Map<String, StageDefinition> byCode = new LinkedHashMap<>();
    stages.forEach(s -> byCode.put(s.code(), s));
    pipeline.stream().map(OpenDeal::stage).filter(code -> !byCode.containsKey(code)).distinct()
        .forEach(code -> byCode.put(code, new StageDefinition(code, Integer.MAX_VALUE, new Message(code, code), BigDecimal.ZERO)));

    List<StageForecast> byStage = new ArrayList<>();
    List<OpportunityForecast> counted = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    for (StageDefinition stage : byCode.values()) {
      List<AgeForecast> byAge = new ArrayList<>();
      BigDecimal stageAmount = BigDecimal.ZERO;
      BigDecimal stageExpected = BigDecimal.ZERO;
      int stageCount = 0;
      for (AgeBucket bucket : AgeBucket.values()) {
        Chance chance = chance(model, stage, bucket);
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal expected = BigDecimal.ZERO;
        int count = 0;
        for (OpenDeal d : pipeline) {
          if (d.stage().equals(stage.code()) && AgeBucket.of(d.stageEnteredAt(), at) == bucket) {
            BigDecimal a = d.amount() == null ? BigDecimal.ZERO : d.amount();
            BigDecimal e = chance.times(d.amount() == null ? chance.basis().meanWonAmount() : d.amount());
            amount = amount.add(a);
            expected = expected.add(e);
            count++;
            if (details) {
              counted.add(new OpportunityForecast(d.code(), d.owner(), d.orgUnit(), d.stage(), a, null,
                  chance.rounded(), money(e)));
            }
          }
        }
        if (count > 0) {
          byAge.add(new AgeForecast(bucket.label(), bucket.fromDays(), bucket.toDays(), count, money(amount),
              chance.rounded(), money(expected), chance.basis()));
        }
        stageAmount = stageAmount.add(amount);
        stageExpected = stageExpected.add(expected);
        stageCount += count;
      }
      stageExpected = money(stageExpected);
      total = total.add(stageExpected);
      byStage.add(new StageForecast(stage.code(), stage.name(), stageCount, money(stageAmount),
          stageChance(model, stage).rounded(), stageExpected, null, byAge));
    }
    StageAgeModel.RunRate learned = method == ForecastMethod.STAGE_AGE_SEASONAL ? model.sameSeasonAs(at) : model.allStarts();
    BigDecimal runRate = money(learned.amount());
    return new ForecastView(period.label(), process, method.id(), windowMonths, total.add(runRate),
        byStage, details ? counted : null, runRate, model.snapshots(), basis(learned, method));
  }

  /** The forecast's total alone (what the back-test compares). */
  static BigDecimal total(SalesPeriod period, ForecastMethod method, List<StageDefinition> stages, StageAgeModel model,
      List<OpenDeal> pipeline, OffsetDateTime at) {
    return compute(period, null, method, 0, stages, model, pipeline, at, false).total();
  }

  private static RunRateBasis basis(StageAgeModel.RunRate learned, ForecastMethod method) {
    return new RunRateBasis(learned.learnedFrom(), learned.starts().stream().map(OffsetDateTime::toLocalDate).toList(),
        method == ForecastMethod.STAGE_AGE_SEASONAL ? learned.fellBack() : null);
  }

  private static Chance chance(StageAgeModel model, StageDefinition stage, AgeBucket bucket) {
    StageAgeModel.Rate rate = model.rateOf(stage.code(), bucket);
    if (rate.evidence() == null) {
      return modelled(model, stage);
    }
    StageAgeModel.Evidence e = rate.evidence();
    BigDecimal mean = e.meanWonAmount().signum() > 0 ? e.meanWonAmount() : model.meanWonAmount();
    return new Chance(BigDecimal.valueOf(e.won), BigDecimal.valueOf(e.open),
        new AgeBasis(e.open, e.won, money(mean), rate.source()));
  }

  private static Chance stageChance(StageAgeModel model, StageDefinition stage) {
    StageAgeModel.Evidence e = model.stage(stage.code());
    return e == null ? modelled(model, stage) : new Chance(BigDecimal.valueOf(e.won), BigDecimal.valueOf(e.open), null);
  }

  private static Chance modelled(StageAgeModel model, StageDefinition stage) {
    BigDecimal p = stage.winProbability() == null ? BigDecimal.ZERO : stage.winProbability();
    return new Chance(p, BigDecimal.ONE, new AgeBasis(0, 0, money(model.meanWonAmount()), "model"));
  }

  private static BigDecimal money(BigDecimal value) {
    return value.setScale(MONEY, RoundingMode.HALF_UP);
  }

  /** A chance as an exact fraction won / open, with its evidence. */
  private record Chance(BigDecimal numerator, BigDecimal denominator, AgeBasis basis) {

    BigDecimal times(BigDecimal amount) {
      return amount.multiply(numerator).divide(denominator, 10, RoundingMode.HALF_UP);
    }

    BigDecimal rounded() {
      return numerator.divide(denominator, PROBABILITY, RoundingMode.HALF_UP);
    }
  }
}

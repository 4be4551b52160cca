package io.oppflow.forecast.internal;

import io.oppflow.forecast.ForecastView;
import io.oppflow.shared.InvalidRequestException;
import io.oppflow.funnel.StageCatalog;
import io.oppflow.funnel.StageDefinition;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Forecasts the amount to be won in a period from the open pipeline, by any of the methods. */
@Service
public class Forecaster {

  private final ForecastData data;
  private final StageCatalog catalog;
  private final StageAgeLearner learner;
  private final Clock clock;

  Forecaster(ForecastData data, StageCatalog catalog, StageAgeLearner learner, Clock clock) {
    this.data = data;
    this.catalog = catalog;
    this.learner = learner;
    this.clock = clock;
  }

  /**
   * The forecast from today's open opportunities expected to close in the period; historical rates
   * are measured over the window that ends at the period's start.
   */
  ForecastView forecast(ForecastScope scope, SalesPeriod period, ForecastMethod method, int windowMonths, boolean details) {
    List<StageDefinition> stages = stagesOf(scope.processKey());
    if (method.learnsFromPastStarts()) {
      return stageAge(scope, period, method, windowMonths, stages, details);
    }
    Map<String, StageWinRate> rates = method == ForecastMethod.HISTORICAL
        ? winRatesBefore(scope, period.startInstant(), windowMonths) : Map.of();
    return ForecastCalculation.compute(period, scope.processKey(), method, method == ForecastMethod.HISTORICAL ? windowMonths : null,
        stages, rates, data.openNow(scope, period), details);
  }

  /**
   * The stage-age forecast as of the period's start: the pipeline open then (or, for a period not begun, today's),
   * ages counted to the start, chances learned from the past starts whose outcome was known by then (or by now).
   */
  private ForecastView stageAge(ForecastScope scope, SalesPeriod period, ForecastMethod method, int windowMonths,
      List<StageDefinition> stages, boolean details) {
    OffsetDateTime start = period.startInstant();
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime known = start.isAfter(now) ? now : start;
    StageAgeLearner.Memo memo = learner.memo(scope);
    StageAgeModel model = learner.learn(memo, start, period.months(), windowMonths, known);
    return StageAgeCalculation.compute(period, scope.processKey(), method, windowMonths, stages, model,
        learner.openAt(memo, known), start, details);
  }

  List<StageDefinition> stagesOf(String processKey) {
    List<StageDefinition> stages = catalog.stagesOf(processKey);
    if (stages.isEmpty()) {
      throw InvalidRequestException.of("process", "'" + processKey + "' 不是已部署的阶段流程 / '" + processKey
          + "' is not a deployed stage process");
    }
    return stages;
  }

  Map<String, StageWinRate> winRatesBefore(ForecastScope scope, OffsetDateTime end, int windowMonths) {
    return data.winRates(scope, end.minusMonths(windowMonths), end);
  }
}

package io.oppflow.forecast.internal;

import io.oppflow.forecast.ForecastView;
import io.oppflow.shared.InvalidRequestException;
import io.oppflow.funnel.StageCatalog;
import io.oppflow.funnel.StageDefinition;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Forecasts the amount to be won in a period from the open pipeline, by either method. */
@Service
public class Forecaster {

  private final ForecastData data;
  private final StageCatalog catalog;

  Forecaster(ForecastData data, StageCatalog catalog) {
    this.data = data;
    this.catalog = catalog;
  }

  /**
   * The forecast from today's open opportunities expected to close in the period; historical rates
   * are measured over the window that ends at the period's start.
   */
  ForecastView forecast(ForecastScope scope, SalesPeriod period, ForecastMethod method, int windowMonths, boolean details) {
    List<StageDefinition> stages = stagesOf(scope.processKey());
    Map<String, StageWinRate> rates = method == ForecastMethod.HISTORICAL
        ? winRatesBefore(scope, period.startInstant(), windowMonths) : Map.of();
    return ForecastCalculation.compute(period, scope.processKey(), method, method == ForecastMethod.HISTORICAL ? windowMonths : null,
        stages, rates, data.openNow(scope, period), details);
  }

  List<StageDefinition> stagesOf(String processKey) {
    List<StageDefinition> stages = catalog.stagesOf(processKey);
    if (stages.isEmpty()) {
      throw InvalidRequestException.of("process", "'" + processKey + "' is not a deployed stage process");
    }
    return stages;
  }

  Map<String, StageWinRate> winRatesBefore(ForecastScope scope, OffsetDateTime end, int windowMonths) {
    return data.winRates(scope, end.minusMonths(windowMonths), end);
  }
}

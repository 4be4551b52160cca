package io.oppflow.forecast.internal;

import io.oppflow.forecast.BacktestView;
import io.oppflow.forecast.BacktestView.Accuracy;
import io.oppflow.forecast.BacktestView.MethodForecast;
import io.oppflow.forecast.BacktestView.Row;
import io.oppflow.funnel.StageDefinition;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Replays the forecast methods at the start of past periods, with only what was known then (the
 * stage each opportunity was in from the stage intervals; rates from the window before that
 * instant), and compares them with what was actually won.
 */
@Service
public class Backtester {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final ForecastData data;
  private final Forecaster forecaster;

  Backtester(ForecastData data, Forecaster forecaster) {
    this.data = data;
    this.forecaster = forecaster;
  }

  BacktestView backtest(ForecastScope scope, SalesPeriod current, int periods, List<ForecastMethod> methods, int windowMonths) {
    List<StageDefinition> stages = forecaster.stagesOf(scope.processKey());
    List<SalesPeriod> past = new ArrayList<>();
    for (SalesPeriod p = current.previous(); past.size() < periods; p = p.previous()) {
      past.add(0, p);
    }
    List<Row> rows = new ArrayList<>();
    for (SalesPeriod p : past) {
      OffsetDateTime start = p.startInstant();
      List<PipelineEntry> pipeline = data.openAt(scope, start, p);
      Map<String, StageWinRate> rates = forecaster.winRatesBefore(scope, start, windowMonths);
      BigDecimal actual = data.wonIn(scope, p).setScale(2, RoundingMode.HALF_UP);
      List<MethodForecast> forecasts = methods.stream().map(m -> {
        BigDecimal forecast = ForecastCalculation.total(m, stages, rates, pipeline, p);
        BigDecimal error = errorPercent(forecast, actual);
        return new MethodForecast(m.id(), forecast, error == null ? null : error.setScale(2, RoundingMode.HALF_UP));
      }).toList();
      rows.add(new Row(p.label(), p.start(), p.end(), actual, forecasts));
    }
    List<Accuracy> accuracy = methods.stream().map(m -> accuracy(m, rows)).toList();
    Optional<Accuracy> best = accuracy.stream().filter(a -> a.mape() != null).min(Comparator.comparing(Accuracy::mape));
    return new BacktestView(current.label(), scope.processKey(), periods, windowMonths, rows, accuracy,
        best.map(Accuracy::method).orElse(null), reason(accuracy, best));
  }

  private static BigDecimal errorPercent(BigDecimal forecast, BigDecimal actual) {
    if (actual.signum() == 0) {
      return null;
    }
    return forecast.subtract(actual).multiply(HUNDRED).divide(actual, 10, RoundingMode.HALF_UP);
  }

  private static Accuracy accuracy(ForecastMethod method, List<Row> rows) {
    // From the unrounded errors, so the mean does not inherit the display rounding.
    List<BigDecimal> errors = new ArrayList<>();
    for (Row r : rows) {
      r.forecasts().stream().filter(f -> f.method().equals(method.id())).findFirst()
          .map(f -> errorPercent(f.forecast(), r.actual())).ifPresent(e -> errors.add(e.abs()));
    }
    BigDecimal mape = errors.isEmpty() ? null : errors.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
        .divide(BigDecimal.valueOf(errors.size()), 2, RoundingMode.HALF_UP);
    return new Accuracy(method.id(), mape, errors.size());
  }

  private static String reason(List<Accuracy> accuracy, Optional<Accuracy> best) {
    if (best.isEmpty()) {
      return "Nothing was won in the periods tested, so no error can be measured";
    }
    if (accuracy.size() == 1) {
      return "Only " + best.get().method() + " was tested";
    }
    long tied = accuracy.stream().filter(a -> a.mape() != null && a.mape().compareTo(best.get().mape()) == 0).count();
    return tied > 1 ? "The methods erred equally; either will do"
        : best.get().method() + " had the lowest mean absolute percentage error";
  }
}

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Replays the forecast methods at the start of past periods, with only what was known then (the
 * stage each opportunity was in from the stage intervals; rates from the window before that
 * instant), and compares them, and the naive baselines, with what was actually won.
 */
@Service
public class Backtester {

  static final String METHOD = "method";
  static final String BASELINE = "baseline";
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final ForecastData data;
  private final Forecaster forecaster;
  private final StageAgeLearner learner;

  Backtester(ForecastData data, Forecaster forecaster, StageAgeLearner learner) {
    this.data = data;
    this.forecaster = forecaster;
    this.learner = learner;
  }

  BacktestView backtest(ForecastScope scope, SalesPeriod current, int periods, List<ForecastMethod> methods, int windowMonths) {
    List<StageDefinition> stages = forecaster.stagesOf(scope.processKey());
    List<SalesPeriod> past = new ArrayList<>();
    for (SalesPeriod p = current.previous(); past.size() < periods; p = p.previous()) {
      past.add(0, p);
    }
    StageAgeLearner.Memo memo = learner.memo(scope);
    Map<String, BigDecimal> won = new HashMap<>();
    List<Row> rows = new ArrayList<>();
    for (SalesPeriod p : past) {
      OffsetDateTime start = p.startInstant();
      BigDecimal actual = wonIn(scope, p, won);
      List<MethodForecast> forecasts = new ArrayList<>();
      for (ForecastMethod m : methods) {
        forecasts.add(forecast(m.id(), METHOD, methodTotal(m, scope, p, stages, windowMonths, memo), actual));
      }
      for (NaiveBaseline b : NaiveBaseline.values()) {
        SalesPeriod source = b.source(p);
        boolean known = memo.historyStart().isPresent() && !source.startInstant().isBefore(memo.historyStart().get());
        forecasts.add(forecast(b.id(), BASELINE, known ? wonIn(scope, source, won) : null, actual));
      }
      rows.add(new Row(p.label(), p.start(), p.end(), actual, forecasts));
    }
    return view(scope, current, periods, windowMonths, rows);
  }

  private BigDecimal methodTotal(ForecastMethod m, ForecastScope scope, SalesPeriod p, List<StageDefinition> stages,
      int windowMonths, StageAgeLearner.Memo memo) {
    OffsetDateTime start = p.startInstant();
    if (m.learnsFromPastStarts()) {
      StageAgeModel model = learner.learn(memo, start, p.months(), windowMonths, start);
      // Nothing learned yet (the history began less than a period before): no history-based forecast, as for a baseline.
      return model.snapshots() == 0 ? null : StageAgeCalculation.total(p, m, stages, model, learner.openAt(memo, start), start);
    }
    Map<String, StageWinRate> rates = m == ForecastMethod.HISTORICAL ? forecaster.winRatesBefore(scope, start, windowMonths) : Map.of();
    return ForecastCalculation.total(m, stages, rates, data.openAt(scope, start, p), p);
  }

  private BigDecimal wonIn(ForecastScope scope, SalesPeriod p, Map<String, BigDecimal> won) {
    return won.computeIfAbsent(p.label(), k -> data.wonIn(scope, p).setScale(2, RoundingMode.HALF_UP));
  }

  private static MethodForecast forecast(String id, String kind, BigDecimal forecast, BigDecimal actual) {
    BigDecimal error = forecast == null ? null : errorPercent(forecast, actual);
    return new MethodForecast(id, kind, forecast, error == null ? null : error.setScale(2, RoundingMode.HALF_UP));
  }

  private static BacktestView view(ForecastScope scope, SalesPeriod current, int periods, int windowMonths, List<Row> rows) {
    List<MethodForecast> first = rows.get(0).forecasts();
    List<Accuracy> measured = first.stream().map(f -> accuracy(f.method(), f.kind(), rows)).toList();
    List<String> baselines = measured.stream().filter(a -> a.kind().equals(BASELINE)).map(Accuracy::method).toList();
    List<Accuracy> accuracy = measured.stream().map(a -> a.kind().equals(METHOD)
        ? new Accuracy(a.method(), a.kind(), a.mape(), a.periodsMeasured(), beatsBaselines(a.method(), baselines, rows)) : a).toList();
    // MAPEs over different periods are not comparable (a baseline without history, stage-age before it learned
    // anything): trust the one that erred less than every other over the periods each pair shares; failing one, the
    // lowest MAPE. A method that forecast exactly what another did in every period (stage-age-seasonal falling back to
    // stage-age) is the same evidence, not a rival: the first listed stands for both.
    List<Accuracy> candidates = accuracy.stream().filter(a -> a.mape() != null).toList();
    Optional<Accuracy> winner = candidates.stream().filter(c -> candidates.stream().filter(d -> d != c && !twins(c, d, rows))
        .allMatch(d -> lower(c.method(), d.method(), rows).orElse(true))).findFirst();
    Optional<Accuracy> best = winner.isPresent() ? winner : candidates.stream().min(Comparator.comparing(Accuracy::mape));
    List<String> sameAsBest = best.map(b -> candidates.stream().filter(d -> d != b && twins(b, d, rows)).map(Accuracy::method)
        .toList()).orElse(List.of());
    return new BacktestView(current.label(), scope.processKey(), io.oppflow.funnel.OwnerAt.OF_OPPORTUNITY, periods, windowMonths, rows, accuracy,
        best.map(Accuracy::method).orElse(null), reason(accuracy, best, winner.isPresent(), sameAsBest));
  }

  /** Two methods (not baselines) whose forecasts were the same in every period. */
  private static boolean twins(Accuracy a, Accuracy b, List<Row> rows) {
    if (!a.kind().equals(METHOD) || !b.kind().equals(METHOD)) {
      return false;
    }
    for (Row r : rows) {
      BigDecimal x = forecastOf(r, a.method());
      BigDecimal y = forecastOf(r, b.method());
      if (x == null ? y != null : y == null || x.compareTo(y) != 0) {
        return false;
      }
    }
    return true;
  }

  private static BigDecimal forecastOf(Row r, String method) {
    return r.forecasts().stream().filter(f -> f.method().equals(method)).findFirst().map(MethodForecast::forecast).orElse(null);
  }

  /**
   * Whether the method's mean |error| is below each measured baseline's, each pair compared over the periods both
   * were measured in; null if it shares no period with any baseline.
   */
  private static Boolean beatsBaselines(String method, List<String> baselines, List<Row> rows) {
    List<Optional<Boolean>> compared = baselines.stream().map(b -> lower(method, b, rows)).filter(Optional::isPresent).toList();
    return compared.isEmpty() ? null : compared.stream().allMatch(Optional::get);
  }

  /** Whether {@code a} erred less than {@code b} over the periods both were measured in; empty if they share none. */
  private static Optional<Boolean> lower(String a, String b, List<Row> rows) {
    BigDecimal mine = BigDecimal.ZERO;
    BigDecimal theirs = BigDecimal.ZERO;
    int common = 0;
    for (Row r : rows) {
      BigDecimal x = absoluteError(r, a);
      BigDecimal y = absoluteError(r, b);
      if (x != null && y != null) {
        mine = mine.add(x);
        theirs = theirs.add(y);
        common++;
      }
    }
    return common == 0 ? Optional.empty() : Optional.of(mine.compareTo(theirs) < 0);
  }

  private static BigDecimal absoluteError(Row r, String method) {
    return r.forecasts().stream().filter(f -> f.method().equals(method) && f.forecast() != null).findFirst()
        .map(f -> errorPercent(f.forecast(), r.actual())).map(BigDecimal::abs).orElse(null);
  }

  private static BigDecimal errorPercent(BigDecimal forecast, BigDecimal actual) {
    if (actual.signum() == 0) {
      return null;
    }
    return forecast.subtract(actual).multiply(HUNDRED).divide(actual, 10, RoundingMode.HALF_UP);
  }

  private static Accuracy accuracy(String method, String kind, List<Row> rows) {
    // From the unrounded errors, so the mean does not inherit the display rounding.
    List<BigDecimal> errors = new ArrayList<>();
    for (Row r : rows) {
      r.forecasts().stream().filter(f -> f.method().equals(method) && f.forecast() != null).findFirst()
          .map(f -> errorPercent(f.forecast(), r.actual())).ifPresent(e -> errors.add(e.abs()));
    }
    BigDecimal mape = errors.isEmpty() ? null : errors.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
        .divide(BigDecimal.valueOf(errors.size()), 2, RoundingMode.HALF_UP);
    return new Accuracy(method, kind, mape, errors.size(), null);
  }

  private static String reason(List<Accuracy> accuracy, Optional<Accuracy> best, boolean beatEveryOther, List<String> twins) {
    if (best.isEmpty()) {
      return "Nothing was won in the periods tested, so no error can be measured";
    }
    if (beatEveryOther) {
      String who = best.get().kind().equals(BASELINE) ? "The naive baseline " + best.get().method() : best.get().method();
      return who + " erred less than every other over the periods both were measured in"
          + (best.get().kind().equals(BASELINE) ? ": no method beat it" : "")
          + (twins.isEmpty() ? "" : " (" + String.join(", ", twins) + " forecast the same in every period)");
    }
    long tied = accuracy.stream().filter(a -> a.mape() != null && a.mape().compareTo(best.get().mape()) == 0).count();
    if (tied > 1) {
      return "Several erred equally; any of them will do";
    }
    if (best.get().kind().equals(BASELINE)) {
      return "The naive baseline " + best.get().method() + " had the lowest mean absolute percentage error: no method beat it";
    }
    return best.get().method() + " had the lowest mean absolute percentage error";
  }
}

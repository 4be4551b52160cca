package io.oppflow.forecast.internal;

import io.oppflow.forecast.BacktestView;
import io.oppflow.forecast.ForecastView;
import io.oppflow.export.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Forecasts and back-tests as flat tables for CSV/XLSX export. */
public final class ForecastTables {

  private ForecastTables() {}

  /** One row per stage, then (stage-age) the run rate, then a total row. */
  static Table forecast(ForecastView view) {
    List<List<Object>> rows = new ArrayList<>();
    view.byStage().forEach(s -> rows.add(Arrays.asList(view.period(), view.method(), s.stage(), s.name().zh(),
        s.name().en(), s.opportunities(), s.amount(), s.probability(), s.expected())));
    if (view.runRate() != null) {
      rows.add(Arrays.asList(view.period(), view.method(), "RUN_RATE", "新增商机赢单（运行率）", "Run rate (deals not yet open)",
          null, null, null, view.runRate()));
    }
    rows.add(Arrays.asList(view.period(), view.method(), "TOTAL", "合计", "Total",
        view.byStage().stream().mapToInt(ForecastView.StageForecast::opportunities).sum(),
        view.byStage().stream().map(ForecastView.StageForecast::amount).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add),
        null, view.total()));
    return new Table("forecast-" + view.period() + "-" + view.method(),
        List.of("period", "method", "stage", "name_zh", "name_en", "opportunities", "amount", "probability", "expected"),
        rows).withColumn("process", view.process())
        .withColumn("owner_at", view.ownerAt().apiName());
  }

  /** One row per opportunity counted, as the page's list shows them. */
  static Table opportunities(ForecastView view) {
    List<List<Object>> rows = new ArrayList<>();
    view.opportunities().forEach(o -> rows.add(Arrays.asList(view.period(), view.method(), o.code(), o.owner(),
        o.orgUnit(), o.stage(), o.amount(), o.expectedCloseDate() == null ? null : o.expectedCloseDate().toString(),
        o.probability(), o.expected())));
    return new Table("forecast-" + view.period() + "-" + view.method() + "-opportunities",
        List.of("period", "method", "code", "owner", "org_unit", "stage", "amount", "expected_close_date",
            "probability", "expected"), rows).withColumn("process", view.process())
        .withColumn("owner_at", view.ownerAt().apiName());
  }

  /** One row per (past period, method or baseline), then one MAPE row per method or baseline. */
  static Table backtest(BacktestView view) {
    List<List<Object>> rows = new ArrayList<>();
    view.rows().forEach(r -> r.forecasts().forEach(f -> rows.add(Arrays.asList(
        r.period(), r.start().toString(), r.end().toString(), f.method(), f.kind(), f.forecast(), r.actual(), f.errorPercent(), null))));
    view.accuracy().forEach(a -> rows.add(Arrays.asList(
        "MAPE", null, null, a.method(), a.kind(), null, null, null, a.mape())));
    return new Table("forecast-backtest-" + view.period(),
        List.of("period", "start", "end", "method", "kind", "forecast", "actual", "error_percent", "mape"), rows)
        .withColumn("process", view.process())
        .withColumn("owner_at", view.ownerAt().apiName());
  }
}

package io.oppflow.forecast.internal;

import io.oppflow.forecast.BacktestView;
import io.oppflow.forecast.ForecastView;
import io.oppflow.funnel.StageProcesses;
import io.oppflow.shared.InvalidRequestException;
import io.oppflow.export.Table;
import io.oppflow.export.ExportRequest;
import io.oppflow.organization.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Forecasts 业绩预测")
public class ForecastController {

  private final Forecaster forecaster;
  private final Backtester backtester;
  private final StageProcesses processes;

  ForecastController(Forecaster forecaster, Backtester backtester, StageProcesses processes) {
    this.forecaster = forecaster;
    this.backtester = backtester;
    this.processes = processes;
  }

  @GetMapping("/api/forecast")
  @Operation(summary = "Expected amount won in a period (2027, 2027-Q1, 2027-03) from the open pipeline, "
      + "weighted by the modelled stage probabilities or by historical win rates, or (stage-age) by the learned chance "
      + "that a deal so long in its stage is won within the period plus the run rate (stage-age-seasonal: the run rate of "
      + "the same season a year before, when the window holds it); CSV/XLSX by format= or Accept, "
      + "per stage, or with table=opportunities of each opportunity counted")
  ResponseEntity<?> forecast(@RequestParam(required = false) String period,
      @RequestParam(required = false) String method,
      @RequestParam(required = false) String process,
      @RequestParam(required = false) String orgUnit,
      @RequestParam(required = false) String owner,
      @RequestParam(required = false) String window,
      @RequestParam(required = false) Integer windowMonths,
      @RequestParam(defaultValue = "false") boolean details,
      @RequestParam(value = "table", required = false) String table,
      ExportRequest export,
      Actor actor) {
    SalesPeriod p = ForecastRequest.period(period);
    ForecastMethod m = ForecastRequest.method(method);
    int months = ForecastRequest.windowMonths(window, windowMonths);
    ForecastScope scope = ForecastScope.of(actor, process, orgUnit, owner).resolvedBy(processes);
    ForecastTable which = ForecastTable.parse(table);
    ForecastView view = forecaster.forecast(scope, p, m, months, details || which == ForecastTable.OPPORTUNITIES);
    return export.respond(view, () -> which == ForecastTable.OPPORTUNITIES
        ? ForecastTables.opportunities(view) : ForecastTables.forecast(view));
  }

  @GetMapping("/api/forecast/backtest")
  @Operation(summary = "Each method's forecast at the start of the N periods before `period` against what was "
      + "actually won, beside the naive baselines same-as-last-period and same-period-last-year: error %, mean absolute "
      + "percentage error, the one to trust; method=all (default), both (weighted,historical) or a comma list; "
      + "CSV/XLSX by format= or Accept")
  ResponseEntity<?> backtest(@RequestParam(required = false) String period,
      @RequestParam(required = false) Integer periods,
      @RequestParam(required = false) String method,
      @RequestParam(required = false) String process,
      @RequestParam(required = false) String orgUnit,
      @RequestParam(required = false) String owner,
      @RequestParam(required = false) String window,
      @RequestParam(required = false) Integer windowMonths,
      ExportRequest export,
      Actor actor) {
    SalesPeriod p = ForecastRequest.period(period);
    int n = ForecastRequest.periods(periods);
    List<ForecastMethod> methods = backtestMethods(method);
    int months = ForecastRequest.windowMonths(window, windowMonths);
    ForecastScope scope = ForecastScope.of(actor, process, orgUnit, owner).resolvedBy(processes);
    BacktestView view = backtester.backtest(scope, p, n, methods, months);
    return export.respond(view, () -> ForecastTables.backtest(view));
  }

  /** {@code all} (the default), {@code both} (weighted and historical, as before stage-age), or a comma list. */
  private static List<ForecastMethod> backtestMethods(String method) {
    String m = method == null ? "" : method.strip();
    if (m.isEmpty() || m.equalsIgnoreCase("all")) {
      return List.of(ForecastMethod.values());
    }
    if (m.equalsIgnoreCase("both")) {
      return List.of(ForecastMethod.WEIGHTED, ForecastMethod.HISTORICAL);
    }
    try {
      return java.util.Arrays.stream(m.split(",")).map(ForecastMethod::parse).distinct().toList();
    } catch (IllegalArgumentException e) {
      throw InvalidRequestException.of("method",
          "'" + method + "' 不是预测方法：请用 all、both，或 weighted、historical、stage-age、stage-age-seasonal 的列表 / '"
              + method + "' is not a method: use all, both, or a list of weighted, historical, stage-age, stage-age-seasonal");
    }
  }
}

package io.oppflow.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.oppflow.support.ApiClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Forecasts and their back-test over the hand-worked {@link ForecastDataSet}, on every database we
 * support. The expected numbers are worked out in the comments from the table in the data set.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ForecastContract {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  ForecastDataSet data;

  @BeforeAll
  void insertTheDataSet() {
    data = new ForecastDataSet(jdbc);
    data.insert();
  }

  ApiClient ops() { return ApiClient.as(port, "ops1"); }

  String forecast(String query) {
    return "/api/forecast?" + processUnless(query) + "orgUnit=" + data.orgUnit + "&" + query;
  }

  String backtest(String query) {
    return "/api/forecast/backtest?" + processUnless(query) + "orgUnit=" + data.orgUnit + "&" + query;
  }

  /** The data set's process, named as every reading must name it, unless the query names another. */
  static String processUnless(String query) {
    return query.contains("process=") ? "" : "process=project-sales-funnel&";
  }

  // Open now, expected to close in 2027-Q1 [2027-01-01, 2027-04-01): L1 NEG 600, L2 WR 200, L5 CLOSE 100.
  // L3 (expected 2027-04-01) is just outside; L4 has no expected close date.
  @Test
  void shouldWeighTheOpenPipelineByTheModelledStageProbabilities() {
    JsonNode f = ok(ops().get(forecast("period=2027-Q1&method=weighted")));
    assertThat(f.path("period").asText()).isEqualTo("2027-Q1");
    assertThat(f.path("method").asText()).isEqualTo("weighted");
    // 600 × 0.80 + 200 × 0.60 + 100 × 0.90 = 480 + 120 + 90
    assertThat(f.path("total").decimalValue()).isEqualByComparingTo("690.00");
    assertThat(f.path("byStage")).hasSize(7);
    JsonNode negotiate = stage(f, "NEGOTIATE");
    assertThat(negotiate.path("name").path("zh").asText()).isEqualTo("进行商务谈判");
    assertThat(negotiate.path("name").path("en").asText()).isEqualTo("Commercial negotiation");
    assertThat(negotiate.path("opportunities").asInt()).isEqualTo(1);
    assertThat(negotiate.path("amount").decimalValue()).isEqualByComparingTo("600");
    assertThat(negotiate.path("probability").decimalValue()).isEqualByComparingTo("0.80");
    assertThat(negotiate.path("expected").decimalValue()).isEqualByComparingTo("480");
    assertThat(stage(f, "WIN_RECOGNITION").path("expected").decimalValue()).isEqualByComparingTo("120");
    assertThat(stage(f, "CLOSE").path("expected").decimalValue()).isEqualByComparingTo("90");
    assertThat(stage(f, "TARGET").path("opportunities").asInt()).isZero();
    assertThat(f.has("opportunities")).isFalse();
  }

  // Window [2026-01-01, 2027-01-01), outcomes known before 2027-01-01:
  //   NEGOTIATE entered by H7 (lost), A3 (won), A1 (lost), L1, L3 (open: unresolved) → 1 / 3
  //   WIN_RECOGNITION entered by A4 (lost), L2, L4 (open) → 0 / 1
  //   CLOSE entered by L5 only, still open → nothing closed: the modelled 0.90 stands in
  // 600 × 1/3 + 200 × 0 + 100 × 0.90 = 200 + 0 + 90
  @Test
  void shouldWeighTheOpenPipelineByWinRatesMeasuredOverTheWindowBeforeThePeriod() {
    JsonNode f = ok(ops().get(forecast("period=2027-Q1&method=historical&window=P12M")));
    assertThat(f.path("windowMonths").asInt()).isEqualTo(12);
    assertThat(f.path("total").decimalValue()).isEqualByComparingTo("290.00");
    JsonNode negotiate = stage(f, "NEGOTIATE");
    assertThat(negotiate.path("probability").decimalValue()).isEqualByComparingTo("0.3333");
    assertThat(negotiate.path("expected").decimalValue()).isEqualByComparingTo("200.00");
    assertThat(negotiate.path("winRate").path("won").asLong()).isEqualTo(1);
    assertThat(negotiate.path("winRate").path("lost").asLong()).isEqualTo(2);
    assertThat(negotiate.path("winRate").path("unresolved").asLong()).isEqualTo(2);
    assertThat(negotiate.path("winRate").path("source").asText()).isEqualTo("history");
    JsonNode recognition = stage(f, "WIN_RECOGNITION");
    assertThat(recognition.path("probability").decimalValue()).isEqualByComparingTo("0");
    assertThat(recognition.path("winRate").path("lost").asLong()).isEqualTo(1);
    JsonNode close = stage(f, "CLOSE");
    assertThat(close.path("probability").decimalValue()).isEqualByComparingTo("0.90");
    assertThat(close.path("winRate").path("source").asText()).isEqualTo("model");
    assertThat(close.path("expected").decimalValue()).isEqualByComparingTo("90");

    JsonNode sameByMonths = ok(ops().get(forecast("period=2027-Q1&method=historical&windowMonths=12")));
    assertThat(sameByMonths.path("total").decimalValue()).isEqualByComparingTo("290.00");
  }

  @Test
  void shouldListTheOpportunitiesCountedWhenAskedAndAcceptMonthsAndYears() {
    JsonNode f = ok(ops().get(forecast("period=2027-02&details=true")));
    assertThat(f.path("total").decimalValue()).isEqualByComparingTo("480.00");
    assertThat(f.path("opportunities")).hasSize(1);
    JsonNode l1 = f.path("opportunities").get(0);
    assertThat(l1.path("code").asText()).endsWith("-L1");
    assertThat(l1.path("owner").asText()).isEqualTo("rep1");
    assertThat(l1.path("expectedCloseDate").asText()).isEqualTo("2027-02-15");
    assertThat(l1.path("expected").decimalValue()).isEqualByComparingTo("480");
    // the year 2027 also holds L3 (1000 × 0.80)
    assertThat(ok(ops().get(forecast("period=2027"))).path("total").decimalValue()).isEqualByComparingTo("1490.00");
  }

  @Test
  void shouldShowARepOnlyTheirOwnAndAManagerTheirSubtree() {
    assertThat(ok(ApiClient.as(port, "rep1").get(forecast("period=2027-Q1"))).path("total").decimalValue())
        .isEqualByComparingTo("480.00");
    assertThat(ok(ApiClient.as(port, "rep2").get(forecast("period=2027-Q1"))).path("total").decimalValue())
        .isEqualByComparingTo("0");
    assertThat(ok(ApiClient.as(port, "manager1").get(forecast("period=2027-Q1"))).path("total").decimalValue())
        .isEqualByComparingTo("690.00");
    assertThat(ok(ApiClient.as(port, "expert1").get(forecast("period=2027-Q1"))).path("total").decimalValue())
        .isEqualByComparingTo("690.00");

    ApiClient.Response other = ApiClient.as(port, "rep1").get(forecast("period=2027-Q1&owner=rep2"));
    assertThat(other.status()).as(other.toString()).isEqualTo(403);
    ApiClient.Response otherBacktest = ApiClient.as(port, "rep1").get(backtest("period=2026-Q3&owner=rep2"));
    assertThat(otherBacktest.status()).isEqualTo(403);
    ApiClient.Response outside = ApiClient.as(port, "manager1").get("/api/forecast?process=project-sales-funnel&period=2027-Q1&orgUnit=HQ/North");
    assertThat(outside.status()).isEqualTo(403);
    assertThat(ApiClient.anonymous(port).get(forecast("period=2027-Q1")).status()).isEqualTo(401);
  }

  // Back-test of the two quarters before 2026-Q3, rates over the 6 months before each quarter's start.
  // 2026-Q1, at 2026-01-01: open and expected in the quarter: H5 (NEG, 200), A1 (WR, 100).
  //   NEGOTIATE entries since 2025-07-01: H1 won, H2 lost, H3 won (entered twice, counted once), H6 won, H5 and A2 unresolved → 3/4
  //   WIN_RECOGNITION entries: H4 lost, H6 won, H5, H8, A1 unresolved → 1/2
  //   weighted 200 × 0.8 + 100 × 0.6 = 220; historical 200 × 3/4 + 100 × 1/2 = 200
  //   won in the quarter: H5 200 + A3 50 (opened after the start) = 250 → errors −12 % and −20 %
  // 2026-Q2, at 2026-04-01: A2 (NEG, 300), A4 (WR, 100); A1 is open but overdue (expected 2026-03-20).
  //   NEGOTIATE entries since 2025-10-01: H3, H5, A3 won, H7 lost, A2 and A1 unresolved → 3/4
  //   WIN_RECOGNITION entries: H5 won, H8 lost, A1 and A4 unresolved → 1/2
  //   weighted 300 × 0.8 + 100 × 0.6 = 300; historical 300 × 3/4 + 100 × 1/2 = 275
  //   won in the quarter: A2 300 → errors 0 % and −8.33 %
  // MAPE weighted (12 + 0) / 2 = 6.00; historical (20 + 8.333…) / 2 = 14.17 → trust weighted
  // Naive baselines (the data set's history begins 2025-07-15, when H6 opened):
  //   same-as-last-period: 2026-Q1 ← won in 2025-Q4: H6 100 (10-01) + H3 100 (12-10) = 200 → −20 %;
  //     2026-Q2 ← 250 → −16.67 %; MAPE (20 + 16.666…) / 2 = 18.33
  //   same-period-last-year: 2025-Q1 and 2025-Q2 began before the history → no forecast, nothing measured
  // Both methods' MAPE is below 18.33: both beat the baselines.
  @Test
  void shouldBacktestBothMethodsAtThePastPeriodsStartsAgainstWhatWasWon() {
    JsonNode b = ok(ops().get(backtest("period=2026-Q3&periods=2&method=both&windowMonths=6")));
    assertThat(b.path("period").asText()).isEqualTo("2026-Q3");
    assertThat(b.path("rows")).hasSize(2);
    JsonNode q1 = b.path("rows").get(0);
    assertThat(q1.path("period").asText()).isEqualTo("2026-Q1");
    assertThat(q1.path("actual").decimalValue()).isEqualByComparingTo("250");
    assertForecast(q1, "weighted", "220", "-12.00");
    assertForecast(q1, "historical", "200", "-20.00");
    JsonNode q2 = b.path("rows").get(1);
    assertThat(q2.path("period").asText()).isEqualTo("2026-Q2");
    assertThat(q2.path("actual").decimalValue()).isEqualByComparingTo("300");
    assertForecast(q2, "weighted", "300", "0");
    assertForecast(q2, "historical", "275", "-8.33");
    assertThat(accuracy(b, "weighted").path("mape").decimalValue()).isEqualByComparingTo("6.00");
    assertThat(accuracy(b, "weighted").path("periodsMeasured").asInt()).isEqualTo(2);
    assertThat(accuracy(b, "historical").path("mape").decimalValue()).isEqualByComparingTo("14.17");
    assertThat(b.path("trust").asText()).isEqualTo("weighted");

    assertForecast(q1, "same-as-last-period", "200", "-20.00");
    assertForecast(q2, "same-as-last-period", "250", "-16.67");
    for (JsonNode row : List.of(q1, q2)) {
      JsonNode lastYear = forecastOf(row, "same-period-last-year");
      assertThat(lastYear.path("kind").asText()).isEqualTo("baseline");
      assertThat(lastYear.has("forecast")).isFalse();
      assertThat(lastYear.has("errorPercent")).isFalse();
    }
    assertThat(forecastOf(q1, "weighted").path("kind").asText()).isEqualTo("method");
    assertThat(accuracy(b, "same-as-last-period").path("mape").decimalValue()).isEqualByComparingTo("18.33");
    assertThat(accuracy(b, "same-as-last-period").path("kind").asText()).isEqualTo("baseline");
    assertThat(accuracy(b, "same-period-last-year").path("periodsMeasured").asInt()).isZero();
    assertThat(accuracy(b, "same-period-last-year").has("mape")).isFalse();
    assertThat(accuracy(b, "weighted").path("beatsBaselines").asBoolean()).isTrue();
    assertThat(accuracy(b, "historical").path("beatsBaselines").asBoolean()).isTrue();
    assertThat(b.path("rows").get(0).path("forecasts")).hasSize(4);
  }

  // stage-age on the data set, window 6 months, quarters; history begins 2025-07-15, so 2025-07-01 is no snapshot.
  // 2026-Q1 (T 2026-01-01) learns from 2025-10-01 only: open then H2 (NEG since 09-01, 30 days: 30-59, lost),
  //   H5 (WR since 10-01: 0-29, won only 2026-02-10); won in 2025-Q4 200 (H6 closed at 10-01 itself, so not open
  //   then; H3 opened later), none of it by the pipeline → run rate 200.
  //   Open at T: H5 NEG 47 days (30-59), H8 WR 61 days, A1 WR 31 days, A2 NEG 17 days: every chance 0 → 0 + 200 = 200
  //   → −20 %.
  // 2026-Q2 (T 2026-04-01) learns from 2025-10-01 and 2026-01-01 (open then: H5 NEG 30-59 won 02-10 in the quarter,
  //   H8 WR 60-89, A1 WR 30-59, A2 NEG 0-29; won in 2026-Q1 250 of which H5's 200 → run rate 50):
  //   NEG 30-59: H2 lost, H5 won → 1/2; NEG at any age: H2, H5, A2 → 1/3; WR 30-59: A1 lost → 0;
  //   run rate (200 + 50) / 2 = 125.
  //   Open at T: A1 NEG since 03-01, 31 days → 100 × 1/2 = 50; A2 NEG since 2025-12-15, 107 days: no one seen at
  //   90-179 → NEG at any age 300 × 1/3 = 100; A4 WR since 03-01, 31 days → 0. 150 + 125 = 275 → −8.33 %.
  @Test
  void shouldBacktestTheStageAgeMethodFromStageAndDaysInStageAndTheRunRate() {
    JsonNode b = ok(ops().get(backtest("period=2026-Q3&periods=2&method=stage-age&windowMonths=6")));
    assertForecast(b.path("rows").get(0), "stage-age", "200", "-20.00");
    assertForecast(b.path("rows").get(1), "stage-age", "275", "-8.33");
    assertThat(accuracy(b, "stage-age").path("mape").decimalValue()).isEqualByComparingTo("14.17");

    JsonNode f = ok(ops().get(forecast("period=2026-Q2&method=stage-age&windowMonths=6&details=true")));
    assertThat(f.path("snapshots").asInt()).isEqualTo(2);
    assertThat(f.path("runRate").decimalValue()).isEqualByComparingTo("125.00");
    assertThat(f.path("total").decimalValue()).isEqualByComparingTo("275.00");
    JsonNode negotiate = stage(f, "NEGOTIATE");
    assertThat(negotiate.path("expected").decimalValue()).isEqualByComparingTo("150.00");
    assertThat(negotiate.path("probability").decimalValue()).isEqualByComparingTo("0.3333");
    JsonNode month = negotiate.path("byAge").get(0);
    assertThat(month.path("age").asText()).isEqualTo("30-59");
    assertThat(month.path("probability").decimalValue()).isEqualByComparingTo("0.5");
    assertThat(month.path("basis").path("open").asLong()).isEqualTo(2);
    assertThat(month.path("basis").path("won").asLong()).isEqualTo(1);
    assertThat(month.path("basis").path("source").asText()).isEqualTo("history");
    JsonNode older = negotiate.path("byAge").get(1);
    assertThat(older.path("age").asText()).isEqualTo("90-179");
    assertThat(older.path("basis").path("source").asText()).isEqualTo("stage");
    assertThat(older.path("expected").decimalValue()).isEqualByComparingTo("100.00");
    assertThat(stage(f, "WIN_RECOGNITION").path("expected").decimalValue()).isEqualByComparingTo("0");
    assertThat(f.path("opportunities")).hasSize(3);
  }

  // A 6-month window holds no start a year before 2026-Q2: the seasonal variant is stage-age, 150 + 125 = 275.
  @Test
  void shouldFallBackToStageAgeWhenTheWindowIsShorterThanAYear() {
    JsonNode f = ok(ops().get(forecast("period=2026-Q2&method=stage-age-seasonal&windowMonths=6")));
    assertThat(f.path("method").asText()).isEqualTo("stage-age-seasonal");
    assertThat(f.path("runRate").decimalValue()).isEqualByComparingTo("125.00");
    assertThat(f.path("total").decimalValue()).isEqualByComparingTo("275.00");
    assertThat(f.path("runRateBasis").path("learnedFrom").asText()).isEqualTo("all-starts");
    assertThat(f.path("runRateBasis").path("fellBack").asBoolean()).isTrue();
    assertThat(f.path("runRateBasis").path("starts")).hasSize(2);
    assertThat(f.path("runRateBasis").path("starts").get(0).asText()).isEqualTo("2026-01-01");
    assertThat(f.path("runRateBasis").path("starts").get(1).asText()).isEqualTo("2025-10-01");
    JsonNode b = ok(ops().get(backtest("period=2026-Q3&periods=2&method=stage-age-seasonal&windowMonths=6")));
    assertForecast(b.path("rows").get(0), "stage-age-seasonal", "200", "-20.00");
    assertForecast(b.path("rows").get(1), "stage-age-seasonal", "275", "-8.33");
    // the same forecasts are one piece of evidence, not a tie: stage-age (listed first) beat every other
    JsonNode both = ok(ops().get(backtest("period=2026-Q3&periods=2&method=stage-age,stage-age-seasonal&windowMonths=6")));
    assertThat(both.path("trust").asText()).isEqualTo("stage-age");
    assertThat(both.path("reason").asText()).isEqualTo("stage-age erred less than every other over the periods both were"
        + " measured in (stage-age-seasonal forecast the same in every period)");
    assertThat(accuracy(both, "stage-age-seasonal").path("beatsBaselines").asBoolean()).isTrue();
  }

  @Test
  void shouldBacktestOneMethodWhenAskedAndSayWhenNothingWasWon() {
    JsonNode one = ok(ops().get(backtest("period=2026-Q3&periods=2&method=historical&window=P6M")));
    assertThat(one.path("accuracy")).hasSize(3);
    assertThat(one.path("trust").asText()).isEqualTo("historical");
    // 2025-Q1 and 2025-Q2: nothing of the data set existed yet
    JsonNode empty = ok(ops().get(backtest("period=2025-Q3&periods=2")));
    assertThat(empty.path("rows").get(0).path("forecasts").get(0).has("errorPercent")).isFalse();
    assertThat(empty.has("trust")).isFalse();
  }

  @Test
  void shouldRefuseBadParametersNamingTheField() {
    assertBadRequest(forecast("period=2027-Q5"), "period");
    assertBadRequest(forecast("method=weighted"), "period");
    assertBadRequest(forecast("period=2027-Q1&method=magic"), "method");
    assertBadRequest(forecast("period=2027-Q1&process=no-such-process"), "process");
    assertBadRequest(forecast("period=2027-Q1&method=historical&window=P10D"), "window");
    assertBadRequest(forecast("period=2027-Q1&method=historical&windowMonths=0"), "windowMonths");
    assertBadRequest(forecast("period=2027-Q1&format=pdf"), "format");
    assertBadRequest(forecast("period=2027-Q1&format=csv&table=people"), "table");
    assertBadRequest(backtest("period=2026-Q3&method=magic"), "method");
    assertBadRequest(backtest("period=2026-Q3&method=weighted,magic"), "method");
    assertBadRequest(backtest("period=2026-Q3&periods=0"), "periods");
    assertBadRequest(backtest("period=2026-Q3&periods=many"), "periods");
    assertBadRequest(backtest("period=yesterday"), "period");
  }

  @Test
  void shouldExportTheForecastAsCsvAndXlsx() throws IOException {
    ApiClient.Response csv = ops().get(forecast("period=2027-Q1&format=csv"));
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    List<String> lines = csv.body().replace("\uFEFF", "").lines().toList();
    assertThat(lines.get(0)).isEqualTo("period,method,stage,name_zh,name_en,opportunities,amount,probability,expected,process,owner_at");
    assertThat(lines).contains("2027-Q1,weighted,NEGOTIATE,进行商务谈判,Commercial negotiation,1,600.00,0.8000,480.00,project-sales-funnel,current",
        "2027-Q1,weighted,TOTAL,合计,Total,3,900.00,,690.00,project-sales-funnel,current");

    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(
        bytes(forecast("period=2027-Q1&method=historical"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))) {
      Sheet sheet = book.getSheetAt(0);
      Row total = sheet.getRow(sheet.getLastRowNum());
      assertThat(total.getCell(2).getStringCellValue()).isEqualTo("TOTAL");
      assertThat(total.getCell(8).getNumericCellValue()).isEqualTo(290.0);
    }
  }

  @Test
  void shouldExportTheOpportunitiesCountedOneARow() {
    JsonNode listed = ok(ops().get(forecast("period=2027-Q1&details=true"))).path("opportunities");
    ApiClient.Response csv = ops().get(forecast("period=2027-Q1&format=csv&table=opportunities"));
    assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
    List<String> lines = csv.body().replace("\uFEFF", "").lines().toList();
    assertThat(lines.get(0))
        .isEqualTo("period,method,code,owner,org_unit,stage,amount,expected_close_date,probability,expected,process,owner_at");
    assertThat(lines).hasSize(1 + listed.size()).hasSize(4);
    String l1 = listed.findValuesAsText("code").stream().filter(c -> c.endsWith("-L1")).findFirst().orElseThrow();
    assertThat(lines).anyMatch(l -> l.startsWith("2027-Q1,weighted," + l1 + ",rep1,") && l.contains(",NEGOTIATE,600")
        && l.contains(",2027-02-15,") && l.endsWith(",480.00,project-sales-funnel,current"));
  }

  @Test
  void shouldExportTheBacktestAsCsvAndXlsx() throws IOException {
    ApiClient.Response csv = ops().get(backtest("period=2026-Q3&periods=2&method=both&windowMonths=6&format=csv"));
    assertThat(csv.status()).isEqualTo(200);
    List<String> lines = csv.body().replace("\uFEFF", "").lines().toList();
    assertThat(lines).containsExactly(
        "period,start,end,method,kind,forecast,actual,error_percent,mape,process,owner_at",
        "2026-Q1,2026-01-01,2026-04-01,weighted,method,220.00,250.00,\"-12.00\",,project-sales-funnel,current",
        "2026-Q1,2026-01-01,2026-04-01,historical,method,200.00,250.00,\"-20.00\",,project-sales-funnel,current",
        "2026-Q1,2026-01-01,2026-04-01,same-as-last-period,baseline,200.00,250.00,\"-20.00\",,project-sales-funnel,current",
        "2026-Q1,2026-01-01,2026-04-01,same-period-last-year,baseline,,250.00,,,project-sales-funnel,current",
        "2026-Q2,2026-04-01,2026-07-01,weighted,method,300.00,300.00,0.00,,project-sales-funnel,current",
        "2026-Q2,2026-04-01,2026-07-01,historical,method,275.00,300.00,\"-8.33\",,project-sales-funnel,current",
        "2026-Q2,2026-04-01,2026-07-01,same-as-last-period,baseline,250.00,300.00,\"-16.67\",,project-sales-funnel,current",
        "2026-Q2,2026-04-01,2026-07-01,same-period-last-year,baseline,,300.00,,,project-sales-funnel,current",
        "MAPE,,,weighted,method,,,,6.00,project-sales-funnel,current",
        "MAPE,,,historical,method,,,,14.17,project-sales-funnel,current",
        "MAPE,,,same-as-last-period,baseline,,,,18.33,project-sales-funnel,current",
        "MAPE,,,same-period-last-year,baseline,,,,,project-sales-funnel,current");

    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(
        bytes(backtest("period=2026-Q3&periods=2&method=both&windowMonths=6&format=xlsx"), "application/json")))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getLastRowNum()).isEqualTo(12);
      assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).isEqualTo("historical");
      assertThat(sheet.getRow(2).getCell(7).getNumericCellValue()).isEqualTo(-20.0);
      assertThat(sheet.getRow(10).getCell(8).getNumericCellValue()).isEqualTo(14.17);
    }
  }

  private static JsonNode ok(ApiClient.Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  private static JsonNode stage(JsonNode forecast, String code) {
    for (JsonNode s : forecast.path("byStage")) {
      if (s.path("stage").asText().equals(code)) {
        return s;
      }
    }
    throw new AssertionError("no stage " + code + " in " + forecast);
  }

  private static JsonNode accuracy(JsonNode backtest, String method) {
    for (JsonNode a : backtest.path("accuracy")) {
      if (a.path("method").asText().equals(method)) {
        return a;
      }
    }
    throw new AssertionError("no accuracy of " + method + " in " + backtest);
  }

  private static void assertForecast(JsonNode row, String method, String forecast, String errorPercent) {
    JsonNode f = forecastOf(row, method);
    assertThat(f.path("forecast").decimalValue()).as(method).isEqualByComparingTo(forecast);
    assertThat(f.path("errorPercent").decimalValue()).as(method).isEqualByComparingTo(errorPercent);
  }

  private static JsonNode forecastOf(JsonNode row, String method) {
    for (JsonNode f : row.path("forecasts")) {
      if (f.path("method").asText().equals(method)) {
        return f;
      }
    }
    throw new AssertionError("no " + method + " forecast in " + row);
  }

  private void assertBadRequest(String path, String field) {
    ApiClient.Response r = ops().get(path);
    assertThat(r.status()).as(path + " → " + r).isEqualTo(400);
    assertThat(r.json().path("errors").get(0).path("field").asText()).as(path).isEqualTo(field);
  }

  /** The raw bytes of a GET as ops1 (Response reads bodies as text, which would corrupt XLSX). */
  private byte[] bytes(String path, String accept) {
    return ApiClient.as(port, "ops1").getBytes(path, accept);
  }
}

package io.oppflow.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.oppflow.support.ApiClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The stage-age methods and the naive baselines on the generated {@link SeasonalHistory}, whose forecasts follow
 * from its rules by hand, on every database we support.
 *
 * <p>With n<sub>q</sub> deals a month in quarter q (Q1 2, Q2 4, Q3 6, Q4 8), half of them won, 100 each:
 * <ul>
 *   <li>won in quarter q = the deals of the month before it (opened on the 10th, closed on the 24th–25th of its
 *       first month) and of its first two months (its third month's close in the next quarter):
 *       50 × (n<sub>q−1</sub> + 2 n<sub>q</sub>): Q1 50 × (8 + 4) = 600, Q2 50 × (2 + 8) = 500,
 *       Q3 50 × (4 + 12) = 800, Q4 50 × (6 + 16) = 1100, the same every year;</li>
 *   <li>stage-age at the quarter's start, learned over 12 months = the four quarter starts before it:
 *       <ul>
 *         <li>WIN_RECOGNITION at 0–29 days: at every past start exactly the deals of the month before, half won
 *             within the quarter → 1/2; the pipeline now holds n<sub>q−1</sub> of them → 50 × n<sub>q−1</sub>;</li>
 *         <li>the stale deals are 60 days old or more and were never won → 0 (a rate pooled over all ages would
 *             not be 1/2: the buckets matter);</li>
 *         <li>run rate: the deals opened in a quarter's first two months won in it, 50 × 2 n = 100 n, averaged over
 *             the four past quarters (one of each season) = 100 × (2 + 4 + 6 + 8) / 4 = 500;</li>
 *       </ul>
 *       so Q1 400 + 500 = 900, Q2 100 + 500 = 600, Q3 200 + 500 = 700, Q4 300 + 500 = 800;</li>
 *   <li>stage-age-seasonal: the same chances, but the run rate of the quarter's own season, from the start a year
 *       before (12 months back is one of the four learned starts): 100 n<sub>q</sub>, so Q1 400 + 200 = 600,
 *       Q2 100 + 400 = 500, Q3 200 + 600 = 800, Q4 300 + 800 = 1100: 50 n<sub>q−1</sub> + 100 n<sub>q</sub> is
 *       exactly what is won, error 0 — as good as same-period-last-year on a season that repeats exactly, better
 *       than same-as-last-period;</li>
 *   <li>weighted and historical: no deal has an expected close date → 0, error −100 %.</li>
 * </ul>
 *
 * <p>In the history's first year (it begins 2023-10-05) no learned start lies a year before a 2024 quarter, so
 * stage-age-seasonal falls back to stage-age's mean and forecasts what stage-age does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SeasonalBacktestContract {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  SeasonalHistory history;

  @BeforeAll
  void insertTheHistory() {
    history = new SeasonalHistory(jdbc);
    history.insert();
  }

  private JsonNode get(String path) {
    ApiClient.Response r = ApiClient.as(port, "ops1").get(path + "&process=project-sales-funnel&orgUnit=" + history.orgUnit);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  @Test
  void shouldForecastFromStageAndDaysInStageAndTheRunRateWithoutExpectedCloseDates() {
    JsonNode f = get("/api/forecast?period=2025-Q3&method=stage-age&windowMonths=12");
    assertThat(f.path("method").asText()).isEqualTo("stage-age");
    assertThat(f.path("snapshots").asInt()).isEqualTo(4);
    assertThat(f.path("runRate").decimalValue()).isEqualByComparingTo("500.00");
    // the 4 deals of June (n = 4 in Q2) × 1/2 × 100, plus the run rate
    assertThat(f.path("total").decimalValue()).isEqualByComparingTo("700.00");
    JsonNode recognition = stage(f, "WIN_RECOGNITION");
    // 4 of June, and the 7 stale deals opened 2023-10-05 … 2025-04-05
    assertThat(recognition.path("opportunities").asInt()).isEqualTo(11);
    assertThat(recognition.path("expected").decimalValue()).isEqualByComparingTo("200.00");
    JsonNode fresh = age(recognition, "0-29");
    assertThat(fresh.path("opportunities").asInt()).isEqualTo(4);
    assertThat(fresh.path("probability").decimalValue()).isEqualByComparingTo("0.5");
    assertThat(fresh.path("expected").decimalValue()).isEqualByComparingTo("200.00");
    // seen at the four past starts 2025-04-01, 2025-01-01, 2024-10-01, 2024-07-01: the deals of March (2),
    // December (8), September (6) and June (4), half won
    assertThat(fresh.path("basis").path("source").asText()).isEqualTo("history");
    assertThat(fresh.path("basis").path("open").asLong()).isEqualTo(8 + 2 + 4 + 6);
    assertThat(fresh.path("basis").path("won").asLong()).isEqualTo(10);
    JsonNode old = age(recognition, "180+");
    // opened 2023-10-05 … 2024-10-05: 269 days old or more on 2025-07-01; 2025-01-05 is 177 days old, 2025-04-05 87
    assertThat(old.path("opportunities").asInt()).isEqualTo(5);
    assertThat(old.path("fromDays").asInt()).isEqualTo(180);
    assertThat(old.has("toDays")).isFalse();
    assertThat(old.path("probability").decimalValue()).isEqualByComparingTo("0");
    assertThat(old.path("amount").decimalValue()).isEqualByComparingTo("5000");
    assertThat(age(recognition, "60-89").path("opportunities").asInt()).isEqualTo(1);
    assertThat(age(recognition, "90-179").path("opportunities").asInt()).isEqualTo(1);
    assertThat(stage(f, "NEGOTIATE").path("opportunities").asInt()).isZero();
  }

  @Test
  void shouldBacktestEveryMethodBesideTheNaiveBaselinesAndMatchLastYearOnlyWithTheSeasonalRunRate() {
    JsonNode b = get("/api/forecast/backtest?period=2026-Q1&periods=4&windowMonths=12");
    assertThat(b.path("rows")).hasSize(4);
    String[][] expected = {
        // period, actual, stage-age, its error, last period, its error
        {"2025-Q1", "600", "900", "50.00", "1100", "83.33"},
        {"2025-Q2", "500", "600", "20.00", "600", "20.00"},
        {"2025-Q3", "800", "700", "-12.50", "500", "-37.50"},
        {"2025-Q4", "1100", "800", "-27.27", "800", "-27.27"}};
    for (int i = 0; i < expected.length; i++) {
      JsonNode row = b.path("rows").get(i);
      assertThat(row.path("period").asText()).isEqualTo(expected[i][0]);
      assertThat(row.path("actual").decimalValue()).isEqualByComparingTo(expected[i][1]);
      assertForecast(row, "stage-age", "method", expected[i][2], expected[i][3]);
      assertForecast(row, "same-as-last-period", "baseline", expected[i][4], expected[i][5]);
      // the season repeats exactly: last year's quarter is this one's, and so is last year's run rate
      assertForecast(row, "same-period-last-year", "baseline", expected[i][1], "0");
      assertForecast(row, "stage-age-seasonal", "method", expected[i][1], "0");
      assertForecast(row, "weighted", "method", "0", "-100");
      assertForecast(row, "historical", "method", "0", "-100");
    }
    assertThat(b.path("rows").get(0).path("forecasts").findValuesAsText("method")).containsExactly("weighted",
        "historical", "stage-age", "stage-age-seasonal", "same-as-last-period", "same-period-last-year");
    // (50 + 20 + 12.5 + 27.2727…) / 4 = 27.44; (83.333… + 20 + 37.5 + 27.2727…) / 4 = 42.03
    assertAccuracy(b, "stage-age", "27.44", false);
    // 0 beats 42.03 but not last year's 0: "below every measured baseline" is false
    assertAccuracy(b, "stage-age-seasonal", "0.00", false);
    assertAccuracy(b, "weighted", "100.00", false);
    assertAccuracy(b, "historical", "100.00", false);
    assertAccuracy(b, "same-as-last-period", "42.03", null);
    assertAccuracy(b, "same-period-last-year", "0.00", null);
    // neither of the two exact ones erred less than the other: a tie, named by the first listed
    assertThat(b.path("trust").asText()).isEqualTo("stage-age-seasonal");
    assertThat(b.path("reason").asText()).isEqualTo("Several erred equally; any of them will do");
  }

  @Test
  void shouldSayNoStageAgeMethodBeatsLastYearOnAPureSeasonWhenOnlyTheMeanRunRateIsAskedFor() {
    JsonNode b = get("/api/forecast/backtest?period=2026-Q1&periods=4&windowMonths=12&method=weighted,historical,stage-age");
    assertThat(b.path("trust").asText()).isEqualTo("same-period-last-year");
    assertThat(b.path("reason").asText()).contains("no method beat it");
  }

  @ParameterizedTest
  @ValueSource(strings = {"stage-age", "stage-age-seasonal"})
  void shouldBeatSameAsLastPeriodWhereTheSeasonTurns(String method) {
    JsonNode b = get("/api/forecast/backtest?period=2026-Q1&periods=4&windowMonths=12&method=" + method);
    assertThat(b.path("accuracy")).hasSize(3);
    JsonNode stageAge = accuracy(b, method);
    JsonNode lastPeriod = accuracy(b, "same-as-last-period");
    assertThat(stageAge.path("mape").decimalValue()).isLessThan(lastPeriod.path("mape").decimalValue());
  }

  // 2025-Q3 as stage-age forecasts it (200 from the pipeline), with the run rate of 2024-Q3 alone: June–August 2024's
  // deals opened in July and August, 6 a month, half won within the quarter → 100 × 6 = 600; 200 + 600 = 800.
  @Test
  void shouldLearnTheRunRateFromTheSameQuarterAYearBefore() {
    JsonNode f = get("/api/forecast?period=2025-Q3&method=stage-age-seasonal&windowMonths=12");
    assertThat(f.path("method").asText()).isEqualTo("stage-age-seasonal");
    assertThat(f.path("snapshots").asInt()).isEqualTo(4);
    assertThat(f.path("runRate").decimalValue()).isEqualByComparingTo("600.00");
    assertThat(f.path("total").decimalValue()).isEqualByComparingTo("800.00");
    assertThat(stage(f, "WIN_RECOGNITION").path("expected").decimalValue()).isEqualByComparingTo("200.00");
    assertRunRateBasis(f.path("runRateBasis"), "same-season", false, "2024-07-01");

    JsonNode mean = get("/api/forecast?period=2025-Q3&method=stage-age&windowMonths=12");
    assertRunRateBasis(mean.path("runRateBasis"), "all-starts", null, "2025-04-01", "2025-01-01", "2024-10-01", "2024-07-01");
    assertThat(f.path("byStage")).isEqualTo(mean.path("byStage"));
  }

  // 2024-Q3 (T 2024-07-01): the history began 2023-10-05, so the learned starts are 2024-04-01 and 2024-01-01 and
  // none is a year before. Both methods then:
  //   run rate: 2024-01-01: won in Q1 600 (December's 4 + January's and February's 1 each), 400 of it by December's
  //     deals open at the start → 200; 2024-04-01: 500 − 100 (March's) → 400; mean 300;
  //   WIN_RECOGNITION 0-29: December's 8 and March's 2, 5 won → 1/2; June's 4 deals → 200;
  //   the stale deal of 2023-10-05 is 270 days old: none was seen at 180+, so the stage at any age stands in:
  //     5 won of 13 (9 open at 2024-01-01, 4 at 2024-04-01) × 1000 = 384.615…; those of 2024-01-05 (178 days, 90-179)
  //     and 2024-04-05 (87, 60-89) were seen and never won → 0;
  //   200 + 384.62 + 300 = 884.62 (against 800 won).
  @Test
  void shouldFallBackToStageAgeWhenTheHistoryIsShorterThanAYear() {
    JsonNode seasonal = get("/api/forecast?period=2024-Q3&method=stage-age-seasonal&windowMonths=12");
    JsonNode mean = get("/api/forecast?period=2024-Q3&method=stage-age&windowMonths=12");
    for (JsonNode f : new JsonNode[] {seasonal, mean}) {
      assertThat(f.path("snapshots").asInt()).isEqualTo(2);
      assertThat(f.path("runRate").decimalValue()).isEqualByComparingTo("300.00");
      assertThat(f.path("total").decimalValue()).isEqualByComparingTo("884.62");
      assertThat(age(stage(f, "WIN_RECOGNITION"), "180+").path("basis").path("source").asText()).isEqualTo("stage");
    }
    assertRunRateBasis(seasonal.path("runRateBasis"), "all-starts", true, "2024-04-01", "2024-01-01");
    assertThat(seasonal.path("byStage")).isEqualTo(mean.path("byStage"));

    // The back-test of 2024: no learned start for Q1, and no start a year before Q2–Q4: the same forecasts.
    JsonNode b = get("/api/forecast/backtest?period=2025-Q1&periods=4&windowMonths=12&method=stage-age,stage-age-seasonal");
    for (JsonNode row : b.path("rows")) {
      assertThat(forecastOf(row, "stage-age-seasonal").path("forecast")).as(row.path("period").asText())
          .isEqualTo(forecastOf(row, "stage-age").path("forecast"));
    }
    assertThat(forecastOf(b.path("rows").get(0), "stage-age-seasonal").has("forecast")).isFalse();
    assertForecast(b.path("rows").get(2), "stage-age-seasonal", "method", "884.62", "10.58");
    assertThat(accuracy(b, "stage-age-seasonal").path("mape")).isEqualTo(accuracy(b, "stage-age").path("mape"));
  }

  private static void assertRunRateBasis(JsonNode basis, String learnedFrom, Boolean fellBack, String... starts) {
    assertThat(basis.path("learnedFrom").asText()).isEqualTo(learnedFrom);
    List<String> listed = new ArrayList<>();
    basis.path("starts").forEach(s -> listed.add(s.asText()));
    assertThat(listed).containsExactly(starts);
    if (fellBack == null) {
      assertThat(basis.has("fellBack")).isFalse();
    } else {
      assertThat(basis.path("fellBack").asBoolean()).isEqualTo(fellBack);
    }
  }

  private static JsonNode forecastOf(JsonNode row, String method) {
    for (JsonNode f : row.path("forecasts")) {
      if (f.path("method").asText().equals(method)) {
        return f;
      }
    }
    throw new AssertionError("no " + method + " forecast in " + row);
  }

  private static JsonNode stage(JsonNode forecast, String code) {
    for (JsonNode s : forecast.path("byStage")) {
      if (s.path("stage").asText().equals(code)) {
        return s;
      }
    }
    throw new AssertionError("no stage " + code + " in " + forecast);
  }

  private static JsonNode age(JsonNode stage, String label) {
    for (JsonNode a : stage.path("byAge")) {
      if (a.path("age").asText().equals(label)) {
        return a;
      }
    }
    throw new AssertionError("no age " + label + " in " + stage);
  }

  private static JsonNode accuracy(JsonNode backtest, String method) {
    for (JsonNode a : backtest.path("accuracy")) {
      if (a.path("method").asText().equals(method)) {
        return a;
      }
    }
    throw new AssertionError("no accuracy of " + method + " in " + backtest);
  }

  private static void assertAccuracy(JsonNode backtest, String method, String mape, Boolean beatsBaselines) {
    JsonNode a = accuracy(backtest, method);
    assertThat(a.path("mape").decimalValue()).as(method).isEqualByComparingTo(mape);
    assertThat(a.path("periodsMeasured").asInt()).as(method).isEqualTo(4);
    if (beatsBaselines == null) {
      assertThat(a.has("beatsBaselines")).as(method).isFalse();
    } else {
      assertThat(a.path("beatsBaselines").asBoolean()).as(method).isEqualTo(beatsBaselines);
    }
  }

  private static void assertForecast(JsonNode row, String method, String kind, String forecast, String errorPercent) {
    for (JsonNode f : row.path("forecasts")) {
      if (f.path("method").asText().equals(method)) {
        assertThat(f.path("kind").asText()).as(method).isEqualTo(kind);
        assertThat(f.path("forecast").decimalValue()).as(row.path("period") + " " + method).isEqualByComparingTo(forecast);
        assertThat(f.path("errorPercent").decimalValue()).as(row.path("period") + " " + method).isEqualByComparingTo(errorPercent);
        return;
      }
    }
    throw new AssertionError("no " + method + " forecast in " + row);
  }
}

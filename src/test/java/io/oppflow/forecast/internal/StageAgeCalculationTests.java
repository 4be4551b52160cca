package io.oppflow.forecast.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.oppflow.forecast.ForecastView;
import io.oppflow.funnel.StageDefinition;
import io.oppflow.shared.Message;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The stage-age arithmetic on hand-made snapshots, without a database. */
class StageAgeCalculationTests {

  private static final OffsetDateTime T = OffsetDateTime.of(2027, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
  private static final List<StageDefinition> STAGES = List.of(
      new StageDefinition("A", 1, new Message("甲", "A"), new BigDecimal("0.30")),
      new StageDefinition("B", 2, new Message("乙", "B"), new BigDecimal("0.70")));

  @ParameterizedTest
  @CsvSource({"0, 0-29", "29, 0-29", "30, 30-59", "59, 30-59", "60, 60-89", "89, 60-89", "90, 90-179", "179, 90-179",
      "180, 180+", "2000, 180+", "-3, 0-29"})
  void shouldBucketWholeDaysInTheStage(int days, String label) {
    assertThat(AgeBucket.of(T.minusDays(days), T).label()).isEqualTo(label);
  }

  // Learned at one past start t = 2026-10-01 (period to 2027-01-01):
  //   A at 10 days: d1 won (amount 300), d2 lost → 1/2, mean won 300; A at 100 days: d3 lost → 0
  //   won in the period by the scope 500, of which d1's 300 → run rate 200
  // Pipeline at T: p1 A 5 days, amount 100 → 50; p2 A 15 days, no amount → 1/2 × 300 = 150;
  //   p3 A 120 days (90-179: d3's cell) → 0; p4 B 1 day: B never seen → BPMN 0.70 × 1000 = 700.
  // Total 50 + 150 + 0 + 700 + 200 = 1100.
  @Test
  void shouldWeighEachDealByItsCellUseTheMeanWonAmountWhereItHasNoneAndAddTheRunRate() {
    OffsetDateTime t = T.minusMonths(3);
    StageAgeModel model = StageAgeModel.learn(List.of(new StageAgeSnapshot(t, T, List.of(
        deal("d1", "A", "300", t.minusDays(10), t.plusDays(20)),
        deal("d2", "A", null, t.minusDays(10), null),
        deal("d3", "A", null, t.minusDays(100), null)), new BigDecimal("500"))));
    List<OpenDeal> pipeline = List.of(
        deal("p1", "A", "100", T.minusDays(5), null),
        deal("p2", "A", null, T.minusDays(15), null),
        deal("p3", "A", "900", T.minusDays(120), null),
        deal("p4", "B", "1000", T.minusDays(1), null));

    ForecastView f = StageAgeCalculation.compute(SalesPeriod.parse("2027-Q1"), "p", ForecastMethod.STAGE_AGE, 12, STAGES,
        model, pipeline, T, true);

    assertThat(f.runRate()).isEqualByComparingTo("200");
    assertThat(f.snapshots()).isEqualTo(1);
    assertThat(f.total()).isEqualByComparingTo("1100");
    ForecastView.StageForecast a = f.byStage().get(0);
    assertThat(a.expected()).isEqualByComparingTo("200");
    assertThat(a.probability()).isEqualByComparingTo("0.3333");
    assertThat(a.byAge()).extracting(ForecastView.AgeForecast::age).containsExactly("0-29", "90-179");
    assertThat(a.byAge().get(0).basis().meanWonAmount()).isEqualByComparingTo("300");
    assertThat(a.byAge().get(1).basis().source()).isEqualTo("history");
    assertThat(a.byAge().get(1).expected()).isEqualByComparingTo("0");
    ForecastView.StageForecast b = f.byStage().get(1);
    assertThat(b.byAge().get(0).basis().source()).isEqualTo("model");
    assertThat(b.expected()).isEqualByComparingTo("700");
    assertThat(f.opportunities()).extracting(ForecastView.OpportunityForecast::expected)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("50"), new BigDecimal("150"), BigDecimal.ZERO, new BigDecimal("700"));
  }

  @Test
  void shouldForecastOnlyTheModelledPipelineWithNothingLearned() {
    StageAgeModel model = StageAgeModel.learn(List.of());
    ForecastView f = StageAgeCalculation.compute(SalesPeriod.parse("2027-Q1"), "p", ForecastMethod.STAGE_AGE, 12, STAGES, model,
        List.of(deal("p1", "A", "100", T.minusDays(5), null)), T, false);
    assertThat(f.snapshots()).isZero();
    assertThat(f.runRate()).isEqualByComparingTo("0");
    assertThat(f.total()).isEqualByComparingTo("30");
  }

  // Quarter starts learned: 2026-10-01 (won 100 by deals not open then), 2026-07-01 (200), 2026-04-01 (300),
  // 2026-01-01 (400). Stage-age: the mean (100 + 200 + 300 + 400) / 4 = 250; seasonal: 2027-Q1's own season a year
  // before, 2026-01-01 → 400. The pipeline (p1: A 5 days, no one seen in A → BPMN 0.30 × 100 = 30) is the same.
  @Test
  void shouldLearnTheSeasonalRunRateFromTheStartAYearBefore() {
    StageAgeModel model = StageAgeModel.learn(List.of(runRateOnly(3, "100"), runRateOnly(6, "200"), runRateOnly(9, "300"),
        runRateOnly(12, "400")));
    List<OpenDeal> pipeline = List.of(deal("p1", "A", "100", T.minusDays(5), null));

    ForecastView mean = compute(ForecastMethod.STAGE_AGE, model, pipeline);
    ForecastView seasonal = compute(ForecastMethod.STAGE_AGE_SEASONAL, model, pipeline);

    assertThat(mean.runRate()).isEqualByComparingTo("250");
    assertThat(mean.total()).isEqualByComparingTo("280");
    assertThat(mean.runRateBasis()).isEqualTo(new ForecastView.RunRateBasis("all-starts",
        List.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 7, 1), LocalDate.of(2026, 4, 1), LocalDate.of(2026, 1, 1)), null));
    assertThat(seasonal.method()).isEqualTo("stage-age-seasonal");
    assertThat(seasonal.runRate()).isEqualByComparingTo("400");
    assertThat(seasonal.total()).isEqualByComparingTo("430");
    assertThat(seasonal.snapshots()).isEqualTo(4);
    assertThat(seasonal.runRateBasis()).isEqualTo(new ForecastView.RunRateBasis("same-season", List.of(LocalDate.of(2026, 1, 1)), false));
    assertThat(seasonal.byStage()).isEqualTo(mean.byStage());
  }

  // Two years of quarter starts (a 24-month window): 2026-01-01 (400) and 2025-01-01 (600) are 2027-Q1's season → 500.
  @Test
  void shouldAverageTheSameSeasonOverEveryWholeYearInTheWindow() {
    StageAgeModel model = StageAgeModel.learn(List.of(runRateOnly(3, "100"), runRateOnly(12, "400"), runRateOnly(15, "900"),
        runRateOnly(24, "600")));
    ForecastView seasonal = compute(ForecastMethod.STAGE_AGE_SEASONAL, model, List.of());
    assertThat(seasonal.runRate()).isEqualByComparingTo("500");
    assertThat(seasonal.runRateBasis().starts()).containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2025, 1, 1));
  }

  // Less than a year learned (2026-10-01: 100, 2026-07-01: 200): no start of 2027-Q1's season, so the mean 150 stands
  // in, as in stage-age, and the forecast says it fell back.
  @Test
  void shouldFallBackToTheMeanOfAllStartsWithoutTheSameSeasonInTheWindow() {
    StageAgeModel model = StageAgeModel.learn(List.of(runRateOnly(3, "100"), runRateOnly(6, "200")));
    List<OpenDeal> pipeline = List.of(deal("p1", "A", "100", T.minusDays(5), null));

    ForecastView mean = compute(ForecastMethod.STAGE_AGE, model, pipeline);
    ForecastView seasonal = compute(ForecastMethod.STAGE_AGE_SEASONAL, model, pipeline);

    assertThat(seasonal.runRate()).isEqualByComparingTo("150");
    assertThat(seasonal.total()).isEqualByComparingTo(mean.total()).isEqualByComparingTo("180");
    assertThat(seasonal.runRateBasis()).isEqualTo(new ForecastView.RunRateBasis("all-starts",
        List.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 7, 1)), true));
  }

  /** A start {@code monthsBefore} T whose quarter's pipeline was empty and in which {@code won} was won. */
  private static StageAgeSnapshot runRateOnly(int monthsBefore, String won) {
    OffsetDateTime t = T.minusMonths(monthsBefore);
    return new StageAgeSnapshot(t, t.plusMonths(3), List.of(), new BigDecimal(won));
  }

  private static ForecastView compute(ForecastMethod method, StageAgeModel model, List<OpenDeal> pipeline) {
    return StageAgeCalculation.compute(SalesPeriod.parse("2027-Q1"), "p", method, 12, STAGES, model, pipeline, T, false);
  }

  private static OpenDeal deal(String code, String stage, String amount, OffsetDateTime entered, OffsetDateTime wonAt) {
    return new OpenDeal(code, "rep", "HQ", stage, amount == null ? null : new BigDecimal(amount), entered, wonAt);
  }
}

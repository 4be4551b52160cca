package io.oppflow.warning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.oppflow.warning.internal.StageHistoryWarnings.Finding;
import io.oppflow.warning.internal.StageHistoryWarnings.Interval;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules for skipped stages and reopened opportunities, over one opportunity's stage intervals. */
class StageHistoryWarningsTests {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static Interval interval(String stage, int order, int day, String outcome) {
    return new Interval("OPP-1", "p", stage, order, T0.plusSeconds(86_400L * day),
        outcome == null ? null : T0.plusSeconds(86_400L * (day + 1)), outcome);
  }

  private static List<String> kinds(List<Finding> found) {
    return found.stream().map(f -> f.kind() + ":" + f.interval().stage() + (f.leftWithoutGate() ? ":left" : "")).toList();
  }

  @Test
  void shouldFindNothingInAnOrdinaryAdvanceThroughEveryStage() {
    assertThat(StageHistoryWarnings.of(List.of(interval("A", 1, 0, "ADVANCED"), interval("B", 2, 1, "ADVANCED"),
        interval("C", 3, 2, "LOST")))).isEmpty();
  }

  @Test
  void shouldFindAStageEnteredMoreThanOneAboveThePreviousOne() {
    assertThat(kinds(StageHistoryWarnings.of(List.of(interval("A", 1, 0, "ADVANCED"), interval("C", 3, 1, null)))))
        .containsExactly("SKIPPED_STAGE:C");
  }

  @Test
  void shouldFindAStageLeftWithoutItsGate() {
    assertThat(kinds(StageHistoryWarnings.of(List.of(interval("A", 1, 0, "LEFT"), interval("B", 2, 1, null)))))
        .containsExactly("SKIPPED_STAGE:A:left");
  }

  @Test
  void shouldFindAReEntryOfTheSameStageAndALowerStageAfterAHigherOne() {
    assertThat(kinds(StageHistoryWarnings.of(List.of(interval("A", 1, 0, "ADVANCED"), interval("B", 2, 1, "ADVANCED"),
        interval("C", 3, 2, "LEFT"), interval("B", 2, 3, "ADVANCED"), interval("C", 3, 4, null)))))
        .containsExactly("SKIPPED_STAGE:C:left", "REOPENED:B", "REOPENED:C");
  }

  @Test
  void shouldNotCallTheFirstStageOfAnImportedOpportunityASkip() {
    assertThat(StageHistoryWarnings.of(List.of(interval("D", 4, 0, null)))).isEmpty();
  }
}

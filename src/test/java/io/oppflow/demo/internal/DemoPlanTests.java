package io.oppflow.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.oppflow.demo.internal.DemoStep.Action;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The plan of the demo data, before anything runs: the same for the same seed, in time order, within its year. */
class DemoPlanTests {

  private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");
  private static final Map<String, List<String>> STAGES = Map.of(
      DemoPlan.PROJECT_SALES, List.of("TARGET", "DISCOVER", "CONFIRM_INTENT", "INITIATE_PROJECT", "WIN_RECOGNITION",
          "NEGOTIATE", "CLOSE"),
      DemoPlan.CLASSIC, List.of("IDENTIFIED", "CONTACT", "QUALIFIED", "CLOSING"));
  private static final Map<String, Map<String, Duration>> LIMITS = Map.of(
      DemoPlan.PROJECT_SALES, Map.of("TARGET", Duration.ofDays(14), "DISCOVER", Duration.ofDays(30)),
      DemoPlan.CLASSIC, Map.of("IDENTIFIED", Duration.ofDays(14)));

  private static DemoPlan plan(long seed) {
    return new DemoPlan(seed, STAGES, LIMITS, NOW, 12).plan(300);
  }

  private static List<String> story(DemoPlan plan) {
    return plan.steps().stream().map(s -> s.deal().code() + s.action() + s.at()).toList();
  }

  @Test
  void shouldPlanTheSameStepsForTheSameSeed() {
    assertThat(story(plan(7))).isEqualTo(story(plan(7))).isNotEqualTo(story(plan(8)));
  }

  @Test
  void shouldOpenEveryOpportunityOnceBeforeAnythingElseHappensToIt() {
    Map<String, List<DemoStep>> byDeal = plan(7).steps().stream()
        .collect(Collectors.groupingBy(s -> s.deal().code(), LinkedHashMap::new, Collectors.toList()));
    assertThat(byDeal).hasSize(300);
    byDeal.values().forEach(steps -> {
      assertThat(steps.get(0).action()).isEqualTo(Action.OPEN);
      assertThat(steps.stream().filter(s -> s.action() == Action.OPEN)).hasSize(1);
    });
  }

  @Test
  void shouldKeepEveryStepWithinTheLastTwelveMonthsInTimeOrder() {
    List<DemoStep> steps = plan(7).steps();
    assertThat(steps).isSortedAccordingTo((a, b) -> a.at().compareTo(b.at()));
    assertThat(steps.get(0).at()).isAfterOrEqualTo(NOW.minus(Duration.ofDays(365)));
    assertThat(steps.get(steps.size() - 1).at()).isBeforeOrEqualTo(NOW);
  }

  @Test
  void shouldPlanOneBypassAndBothProcessesAcrossAllEightReps() {
    DemoPlan plan = plan(7);
    assertThat(plan.steps().stream().filter(s -> s.action() == Action.BYPASS)).hasSize(1);
    assertThat(plan.deals().stream().map(DemoDeal::process).distinct())
        .containsExactlyInAnyOrder(DemoPlan.PROJECT_SALES, DemoPlan.CLASSIC);
    assertThat(plan.deals().stream().map(d -> d.rep().id()).distinct()).hasSize(8);
    assertThat(plan.deals().get(0).name()).contains(" / ").containsPattern("\\p{IsHan}");
  }

  @Test
  void shouldDecideExceptionsAndLoseMoreOpportunitiesEarlyThanLate() {
    List<DemoStep> steps = plan(7).steps();
    long decided = steps.stream().filter(s -> s.action() == Action.APPROVE || s.action() == Action.REJECT).count();
    long requested = steps.stream().filter(s -> s.action() == Action.REQUEST_EXCEPTION).count();
    assertThat(decided).isPositive().isLessThanOrEqualTo(requested);
    long lostEarly = steps.stream().filter(s -> s.action() == Action.LOSE && s.stage() < 2).count();
    long lostLate = steps.stream().filter(s -> s.action() == Action.LOSE && s.stage() >= 2).count();
    assertThat(lostEarly).isGreaterThan(lostLate);
  }
}

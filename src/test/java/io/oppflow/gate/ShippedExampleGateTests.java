package io.oppflow.gate;

import static io.oppflow.gate.GateFacts.CLASSIC;
import static io.oppflow.gate.GateFacts.PROJECT_SALES;
import static io.oppflow.gate.GateFacts.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import io.oppflow.opportunity.Opportunity;
import io.oppflow.opportunity.TestOpportunities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped rules against the shared example ({@code docs/examples/opportunity-qualified.json})
 * and against a just-created opportunity; and that a gate judges only its own criteria.
 */
class ShippedExampleGateTests {

  @Test
  void shouldPassTheSharedExampleThroughTheTargetGate() {
    GateVerdict verdict = evaluate(PROJECT_SALES, "TARGET", TestOpportunities.qualifiedExample());

    assertThat(verdict.passed()).as(verdict.feedback()).isTrue();
    assertThat(verdict.failures()).isEmpty();
  }

  @Test
  void shouldPassTheSharedExampleThroughTheDiscoverGate() {
    GateVerdict verdict = evaluate(PROJECT_SALES, "DISCOVER", TestOpportunities.qualifiedExample());

    assertThat(verdict.passed()).as(verdict.feedback()).isTrue();
    assertThat(verdict.failures()).isEmpty();
  }

  @Test
  void shouldRejectAJustCreatedOpportunityAtTheTargetGateForItsSegmentOnly() {
    GateVerdict verdict = evaluate(PROJECT_SALES, "TARGET", minimal());

    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.failures()).extracting(Criterion::code).containsExactly("TARGET-01");
    assertThat(verdict.failures().get(0).blocking()).isTrue();
    assertThat(verdict.failures().get(0).message().zh()).contains("目标客户群");
    assertThat(verdict.failures().get(0).message().en()).contains("target segment");
    assertThat(verdict.warnings()).extracting(Criterion::code).containsExactly("TARGET-02");
  }

  @ParameterizedTest(name = "{0} / {1} reports only its own criteria")
  @CsvSource({
      "project-sales-funnel, TARGET",
      "project-sales-funnel, DISCOVER",
      "project-sales-funnel, CONFIRM_INTENT",
      "project-sales-funnel, INITIATE_PROJECT",
      "project-sales-funnel, WIN_RECOGNITION",
      "project-sales-funnel, NEGOTIATE",
      "project-sales-funnel, CLOSE",
      "classic-funnel, IDENTIFIED",
      "classic-funnel, CONTACT",
      "classic-funnel, QUALIFIED",
      "classic-funnel, CLOSING",
  })
  void shouldReportOnlyTheCriteriaOfTheAskedGate(String process, String stage) {
    GateVerdict verdict = evaluate(process, stage, minimal());

    assertThat(verdict.failures()).as("a just-created opportunity fails every gate").isNotEmpty();
    assertThat(verdict.failures()).extracting(Criterion::code).allMatch(code -> code.startsWith(stage + "-"));
    assertThat(verdict.warnings()).extracting(Criterion::code).allMatch(code -> code.startsWith(stage + "-"));
  }

  @Test
  void shouldNotFailTheTargetGateForMissingDiscoveryFacts() {
    Opportunity inSegment = TestOpportunities.fromJson("""
        { "name": "n", "owner": "rep1", "orgUnit": "HQ", "amount": 1,
          "customer": { "name": "c", "industry": "retail", "inTargetSegment": true } }
        """);

    GateVerdict verdict = evaluate(PROJECT_SALES, "TARGET", inSegment);

    assertThat(verdict.passed()).as(verdict.feedback()).isTrue();
    assertThat(verdict.warnings()).isEmpty();
  }

  @Test
  void shouldNotJudgeAStageCodeUnderTheWrongProcessButFailItAsAGateWithoutRules() {
    assertThat(evaluate(CLASSIC, "TARGET", minimal()).failures()).extracting(Criterion::code).containsExactly("GATE-NO-RULES");
    assertThat(evaluate(PROJECT_SALES, "IDENTIFIED", minimal()).failures()).extracting(Criterion::code).containsExactly("GATE-NO-RULES");
  }

  private static Opportunity minimal() {
    return TestOpportunities.fromJson(GateFacts.MINIMAL);
  }
}

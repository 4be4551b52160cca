package io.oppflow.gate.internal;

import io.oppflow.gate.Criterion;
import io.oppflow.gate.GateRequest;
import io.oppflow.gate.GateVerdict;
import static org.assertj.core.api.Assertions.assertThat;

import io.oppflow.opportunity.TestOpportunities;
import org.junit.jupiter.api.Test;

/**
 * The shipped rules against the documentation's shared example ({@code docs/examples/opportunity-qualified.json}),
 * and what a criterion found carries: its code, blocking flag and both messages. The criteria themselves
 * are specified by the cases beside the rules ({@link ShippedRuleCasesTests}).
 */
class ShippedExampleGateTests {

  @Test
  void shouldPassTheSharedExampleThroughTheTargetGate() {
    GateVerdict verdict = evaluate("TARGET", TestOpportunities.qualifiedExample());

    assertThat(verdict.passed()).as(verdict.feedback()).isTrue();
    assertThat(verdict.failures()).isEmpty();
  }

  @Test
  void shouldPassTheSharedExampleThroughTheDiscoverGate() {
    GateVerdict verdict = evaluate("DISCOVER", TestOpportunities.qualifiedExample());

    assertThat(verdict.passed()).as(verdict.feedback()).isTrue();
    assertThat(verdict.failures()).isEmpty();
  }

  @Test
  void shouldRejectAJustCreatedOpportunityAtTheTargetGateWithTheTableRowsMessages() {
    GateVerdict verdict = evaluate("TARGET", TestOpportunities.fromJson("""
        { "name": "新商机 / New opportunity", "customer": { "name": "某客户" }, "owner": "rep1",
          "orgUnit": "HQ/East/Shanghai-1", "region": "East", "amount": 500000 }
        """));

    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.failures()).extracting(Criterion::code).containsExactly("TARGET-01");
    assertThat(verdict.failures().get(0).blocking()).isTrue();
    assertThat(verdict.failures().get(0).message().zh()).isEqualTo("客户尚未确认属于已定义的目标客户群，请在客户资料中确认其目标客户群归属。");
    assertThat(verdict.failures().get(0).message().en())
        .isEqualTo("The customer is not confirmed to be in a defined target segment; confirm the segment on the customer record.");
    assertThat(verdict.warnings()).extracting(Criterion::code).containsExactly("TARGET-02");
    assertThat(verdict.warnings().get(0).blocking()).isFalse();
  }

  @Test
  void shouldKeepAQuotedWordOfAMessageWrittenInATableCell() {
    assertThat(ShippedRules.RULES.criteria().get("DISCOVER-04").message().en())
        .isEqualTo("The customer's needs or budget situation are not recorded (the budget status may be \"no budget\").");
  }

  private static GateVerdict evaluate(String stage, io.oppflow.opportunity.Opportunity opportunity) {
    return ShippedRules.RULES.evaluate(new GateRequest("project-sales-funnel", stage, CaseTable.DEFAULT_TODAY), opportunity);
  }
}

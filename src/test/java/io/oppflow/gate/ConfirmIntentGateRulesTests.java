package io.oppflow.gate;

import static io.oppflow.gate.GateFacts.PROJECT_SALES;
import static io.oppflow.gate.GateFacts.assertFindings;
import static io.oppflow.gate.GateFacts.evaluate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gate that leaves stage 3 CONFIRM_INTENT, 确认客户意向 (rules/projectsales/confirm_intent.drl). */
class ConfirmIntentGateRulesTests {

  private static final String STAGE = "CONFIRM_INTENT";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # specification                                              | changed facts                   | failures          | warnings
      should reject when the customer declined to confirm the need | needConfirmed=false             | CONFIRM_INTENT-01 |
      should reject when the need is not confirmed yet             | needConfirmed=null              | CONFIRM_INTENT-01 |
      should reject when no decision maker is in the project team  | customerProjectTeam=[{"name":"李娜","title":"Finance director","decisionMaker":false}] | CONFIRM_INTENT-02 |
      should reject when the project team is empty                 | customerProjectTeam=[]          | CONFIRM_INTENT-02 |
      should reject when the needs are not documented              | needs=null                      | CONFIRM_INTENT-03 |
      should reject when the needs are blank                       | needs="   "                     | CONFIRM_INTENT-03 |
      should warn when the expected close date is missing          | expectedCloseDate=null          |                   | CONFIRM_INTENT-04
      should warn when the expected close date is past             | expectedCloseDate="2026-11-30"  |                   | CONFIRM_INTENT-04
      should accept an expected close date of today                | expectedCloseDate="2026-12-01"  |                   |
      should ignore discovery assessment when confirming intent    | customer.economicHealth="POOR"; customer.itLandscape=null; competitors=[] | |
      """)
  void shouldJudgeConfirmedIntent(String specification, String changes, String failures, String warnings) {
    assertFindings(evaluate(PROJECT_SALES, STAGE, GateFacts.allGoodExcept(changes)), failures, warnings);
  }

  @Test
  void shouldPassConfirmIntentGateWhenAllFactsAreGood() {
    assertFindings(evaluate(PROJECT_SALES, STAGE, GateFacts.allGood()), null, null);
  }
}

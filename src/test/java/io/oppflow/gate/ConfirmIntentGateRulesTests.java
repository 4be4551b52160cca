package io.oppflow.gate;

import static io.oppflow.gate.GateFacts.PROJECT_SALES;
import static io.oppflow.gate.GateFacts.assertFindings;
import static io.oppflow.gate.GateFacts.evaluate;

import io.oppflow.opportunity.Activity;
import io.oppflow.opportunity.Opportunity;
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
      should reject when no decision maker is in the project team  | customerProjectTeam=[{"name":"李娜","title":"Finance director","decisionMaker":false}] | CONFIRM_INTENT-02 CONFIRM_INTENT-05 |
      should reject when the project team is empty                 | customerProjectTeam=[]          | CONFIRM_INTENT-02 CONFIRM_INTENT-05 |
      should reject a meeting with someone no longer deciding      | customerProjectTeam=[{"name":"王强","title":"CIO","decisionMaker":false},{"name":"赵敏","title":"CEO","decisionMaker":true}] | CONFIRM_INTENT-05 |
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

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # specification                                                  | logged activities                      | failures
      should accept a meeting with the decision maker in this stage    | MEETING with 王强 in CONFIRM_INTENT    |
      should accept a visit to the decision maker in this stage        | VISIT with 王强 in CONFIRM_INTENT      |
      should reject when no activity was logged                        |                                        | CONFIRM_INTENT-05
      should reject a meeting with someone who does not decide         | MEETING with 李娜 in CONFIRM_INTENT    | CONFIRM_INTENT-05
      should reject a meeting with nobody named                        | MEETING in CONFIRM_INTENT              | CONFIRM_INTENT-05
      should reject a meeting with someone outside the project team    | MEETING with 张伟 in CONFIRM_INTENT    | CONFIRM_INTENT-05
      should reject a meeting with the decision maker in an earlier stage | MEETING with 王强 in DISCOVER       | CONFIRM_INTENT-05
      should reject a call with the decision maker                     | CALL with 王强 in CONFIRM_INTENT       | CONFIRM_INTENT-05
      should reject a demo for the decision maker                      | DEMO with 王强 in CONFIRM_INTENT       | CONFIRM_INTENT-05
      should accept one right meeting among others                     | CALL with 王强 in CONFIRM_INTENT; MEETING with 李娜 in CONFIRM_INTENT; VISIT with 王强 in CONFIRM_INTENT |
      """)
  void shouldRequireMeetingADecisionMakerDuringThisStage(String specification, String activities, String failures) {
    assertFindings(evaluate(PROJECT_SALES, STAGE, GateFacts.allGood(), activities), failures, null);
  }

  @Test
  void shouldNotCountAMeetingLoggedForAnotherOpportunity() {
    Opportunity opportunity = GateFacts.allGood();
    Activity elsewhere = GateFacts.activities("OPP-OTHER", "MEETING with 王强 in CONFIRM_INTENT").get(0);

    GateVerdict verdict = ShippedRules.RULES.evaluate(
        new GateRequest(PROJECT_SALES, STAGE, GateFacts.TODAY), opportunity, elsewhere);

    assertFindings(verdict, "CONFIRM_INTENT-05", null);
  }

  @Test
  void shouldPassConfirmIntentGateWhenAllFactsAreGood() {
    assertFindings(evaluate(PROJECT_SALES, STAGE, GateFacts.allGood()), null, null);
  }
}

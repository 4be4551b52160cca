package io.oppflow.gate;

import static io.oppflow.gate.GateFacts.PROJECT_SALES;
import static io.oppflow.gate.GateFacts.assertFindings;
import static io.oppflow.gate.GateFacts.evaluate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gate that leaves stage 5 WIN_RECOGNITION, 赢得客户认可 (rules/projectsales/win_recognition.drl). */
class WinRecognitionGateRulesTests {

  private static final String STAGE = "WIN_RECOGNITION";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # specification                                              | changed facts                       | failures           | warnings
      should reject when the solution was not presented            | solution.presented=false            | WIN_RECOGNITION-01 |
      should reject when the presentation is not recorded          | solution.presented=null             | WIN_RECOGNITION-01 |
      should accept a passed technical evaluation without demo     | solution.demoDone=false             |                    |
      should accept a demo without technical evaluation            | solution.technicalEvaluationPassed=false |               |
      should reject when neither demo nor technical evaluation     | solution.demoDone=false; solution.technicalEvaluationPassed=false | WIN_RECOGNITION-02 |
      should reject when demo and evaluation are not recorded      | solution.demoDone=null; solution.technicalEvaluationPassed=null | WIN_RECOGNITION-02 |
      should reject when no proposal was submitted                 | solution.proposalSubmitted=false    | WIN_RECOGNITION-03 |
      should reject when the customer has not accepted in principle | solution.acceptedInPrinciple=false | WIN_RECOGNITION-04 |
      should reject when acceptance is not recorded                | solution.acceptedInPrinciple=null   | WIN_RECOGNITION-04 |
      should reject when we are only a candidate vendor            | vendorStatus="CANDIDATE"            | WIN_RECOGNITION-05 |
      should reject when the customer has not placed us            | vendorStatus="NONE"                 | WIN_RECOGNITION-05 |
      should reject when our vendor status is not recorded         | vendorStatus=null                   | WIN_RECOGNITION-05 |
      should accept being shortlisted                              | vendorStatus="SHORTLISTED"          |                    |
      should reject every step when nothing of the solution is recorded | solution={}                    | WIN_RECOGNITION-01 WIN_RECOGNITION-02 WIN_RECOGNITION-03 WIN_RECOGNITION-04 |
      should ignore negotiation facts when winning recognition     | contract={}; budget.status="PRELIMINARY" |               |
      """)
  void shouldJudgeRecognitionAndStageSixDefinition(String specification, String changes, String failures, String warnings) {
    assertFindings(evaluate(PROJECT_SALES, STAGE, GateFacts.allGoodExcept(changes)), failures, warnings);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # specification                                                  | logged activities                     | warnings
      should not warn when a demo was logged in this stage             | DEMO with 王强 in WIN_RECOGNITION     |
      should not warn about a demo logged without a contact            | DEMO in WIN_RECOGNITION               |
      should warn when no activity was logged                          |                                       | WIN_RECOGNITION-06
      should warn when the demo was logged in an earlier stage         | DEMO with 王强 in INITIATE_PROJECT    | WIN_RECOGNITION-06
      should warn when only a meeting was logged in this stage         | MEETING with 王强 in WIN_RECOGNITION  | WIN_RECOGNITION-06
      """)
  void shouldWarnWithoutADemoDuringThisStage(String specification, String activities, String warnings) {
    assertFindings(evaluate(PROJECT_SALES, STAGE, GateFacts.allGood(), activities), null, warnings);
  }

  @Test
  void shouldPassWinRecognitionGateWhenAllFactsAreGood() {
    assertFindings(evaluate(PROJECT_SALES, STAGE, GateFacts.allGood()), null, null);
  }
}

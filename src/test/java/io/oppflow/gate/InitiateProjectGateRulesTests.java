package io.oppflow.gate;

import static io.oppflow.gate.GateFacts.PROJECT_SALES;
import static io.oppflow.gate.GateFacts.assertFindings;
import static io.oppflow.gate.GateFacts.evaluate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gate that leaves stage 4 INITIATE_PROJECT, 引导客户立项 (rules/projectsales/initiate_project.drl). */
class InitiateProjectGateRulesTests {

  private static final String STAGE = "INITIATE_PROJECT";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # specification                                               | changed facts                        | failures            | warnings
      should reject when the customer has no budget                 | budget.status="NONE"                 | INITIATE_PROJECT-01 |
      should reject when the budget is only estimated               | budget.status="ESTIMATED"            | INITIATE_PROJECT-01 |
      should reject when the budget status is not recorded          | budget.status=null                   | INITIATE_PROJECT-01 |
      should accept a preliminary budget                            | budget.status="PRELIMINARY"          |                     |
      should reject when the budget amount is not recorded          | budget.amount=null                   | INITIATE_PROJECT-01 |
      should reject a zero budget and warn it does not cover the deal | budget.amount=0                    | INITIATE_PROJECT-01 | INITIATE_PROJECT-06
      should reject when no selection team is formed                | selectionTeam.formed=false           | INITIATE_PROJECT-02 |
      should reject when the selection team is not recorded         | selectionTeam.formed=null            | INITIATE_PROJECT-02 |
      should reject when leadership does not back the selection team | selectionTeam.leadershipSupport=false | INITIATE_PROJECT-03 |
      should reject when leadership support is not recorded         | selectionTeam.leadershipSupport=null | INITIATE_PROJECT-03 |
      should reject when the customer has no decision date          | timeline.decisionDate=null           | INITIATE_PROJECT-04 |
      should reject when the decision date is past                  | timeline.decisionDate="2026-11-30"   | INITIATE_PROJECT-04 |
      should accept a decision date of today                        | timeline.decisionDate="2026-12-01"   |                     |
      should warn when neither competitors nor consultants are known | competitors=[]; thirdPartyConsultant=null |                | INITIATE_PROJECT-05
      should warn when competitors are all eliminated and no consultant is involved | competitors=[{"name":"Kingdee","status":"ELIMINATED"}]; thirdPartyConsultant="" | | INITIATE_PROJECT-05
      should accept a consultant without competitors                | competitors=[]                       |                     |
      should accept an active competitor without consultant         | thirdPartyConsultant=null            |                     |
      should warn when the budget does not cover the deal           | budget.amount=1000000                |                     | INITIATE_PROJECT-06
      should accept a budget equal to the deal amount               | budget.amount=1800000                |                     |
      should ignore later-stage facts when setting up the project   | solution={}; contract={}; vendorStatus=null | |
      """)
  void shouldJudgeProjectInitiation(String specification, String changes, String failures, String warnings) {
    assertFindings(evaluate(PROJECT_SALES, STAGE, GateFacts.allGoodExcept(changes)), failures, warnings);
  }

  @Test
  void shouldPassInitiateProjectGateWhenAllFactsAreGood() {
    assertFindings(evaluate(PROJECT_SALES, STAGE, GateFacts.allGood()), null, null);
  }
}

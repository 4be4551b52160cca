package io.oppflow.gate;

import static io.oppflow.gate.GateFacts.PROJECT_SALES;
import static io.oppflow.gate.GateFacts.assertFindings;
import static io.oppflow.gate.GateFacts.evaluate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gate that leaves stage 2 DISCOVER, 发掘客户潜在的商机 (rules/projectsales/discover.drl). */
class DiscoverGateRulesTests {

  private static final String STAGE = "DISCOVER";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # specification                                                | changed facts                          | failures    | warnings
      should reject when the industry is not recorded                | customer.industry=null                 | DISCOVER-01 |
      should reject when the industry is blank                       | customer.industry=""                   | DISCOVER-01 |
      should reject when the headcount is not recorded               | customer.headcount=null                | DISCOVER-01 |
      should reject when the headcount is zero                       | customer.headcount=0                   | DISCOVER-01 |
      should reject when the annual revenue is not recorded          | customer.annualRevenue=null            | DISCOVER-01 |
      should reject when the annual revenue is zero                  | customer.annualRevenue=0               | DISCOVER-01 |
      should reject when the IT landscape is not recorded            | customer.itLandscape=null              | DISCOVER-02 |
      should reject when the IT landscape is blank                   | customer.itLandscape=" "               | DISCOVER-02 |
      should reject when no competitor is recorded                   | competitors=[]                         | DISCOVER-03 |
      should accept an eliminated competitor as recorded competition | competitors=[{"name":"Kingdee","status":"ELIMINATED"}] |  |
      should reject when the needs are not recorded                  | needs=null                             | DISCOVER-04 |
      should reject when the needs are blank                         | needs=""                               | DISCOVER-04 |
      should reject when the budget situation is not recorded        | budget.status=null                     | DISCOVER-04 |
      should warn when the customer has no budget yet                | budget.status="NONE"                   |             | DISCOVER-10
      should accept an estimated budget                              | budget.status="ESTIMATED"              |             |
      should reject when no project team member is recorded          | customerProjectTeam=[]                 | DISCOVER-05 |
      should reject a customer outside the target profile            | customer.inTargetSegment=false         | DISCOVER-06 |
      should reject a customer whose profile fit is not assessed     | customer.inTargetSegment=null          | DISCOVER-06 |
      should reject an economically unhealthy customer               | customer.economicHealth="POOR"         | DISCOVER-07 |
      should reject when economic health is not assessed             | customer.economicHealth=null           | DISCOVER-07 |
      should warn when economic health is only fair                  | customer.economicHealth="FAIR"         |             | DISCOVER-09
      should reject a customer whose system works well               | customer.currentSystemStatus="GOOD"    | DISCOVER-08 |
      should reject when the current system is not assessed          | customer.currentSystemStatus=null      | DISCOVER-08 |
      should accept a customer without a system                      | customer.currentSystemStatus="NONE"    |             |
      should accept a customer with an incomplete system             | customer.currentSystemStatus="INCOMPLETE" |          |
      should report every missing standard at once                   | customer.itLandscape=null; competitors=[]; customerProjectTeam=[]; customer.economicHealth="FAIR"; budget.status="NONE" | DISCOVER-02 DISCOVER-03 DISCOVER-05 | DISCOVER-09 DISCOVER-10
      should ignore later-stage facts when leaving discovery         | needConfirmed=null; selectionTeam={}; timeline={}; solution={}; contract={}; vendorStatus=null | |
      """)
  void shouldJudgeDiscoveryStandardsAndAssessment(String specification, String changes, String failures, String warnings) {
    assertFindings(evaluate(PROJECT_SALES, STAGE, GateFacts.allGoodExcept(changes)), failures, warnings);
  }

  @Test
  void shouldPassDiscoverGateWhenAllFactsAreGood() {
    assertFindings(evaluate(PROJECT_SALES, STAGE, GateFacts.allGood()), null, null);
  }
}

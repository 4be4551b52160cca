package io.oppflow.gate;

import static io.oppflow.gate.GateFacts.PROJECT_SALES;
import static io.oppflow.gate.GateFacts.assertFindings;
import static io.oppflow.gate.GateFacts.evaluate;

import io.oppflow.opportunity.TestOpportunities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gate that leaves stage 1 TARGET, 定位目标客户群 (rules/projectsales/target.drl). */
class TargetGateRulesTests {

  private static final String STAGE = "TARGET";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # specification                                              | changed facts                    | failures  | warnings
      should reject a customer outside the target segment          | customer.inTargetSegment=false   | TARGET-01 |
      should reject a customer whose segment is not assessed       | customer.inTargetSegment=null    | TARGET-01 |
      should warn when the industry is not recorded                | customer.industry=null           |           | TARGET-02
      should warn when the industry is blank                       | customer.industry="  "           |           | TARGET-02
      should report both when segment and industry are missing     | customer.inTargetSegment=null; customer.industry=null | TARGET-01 | TARGET-02
      should ignore discovery facts when leaving the target stage  | customer.itLandscape=null; competitors=[]; customerProjectTeam=[]; needs=null; customer.economicHealth="POOR"; customer.currentSystemStatus="GOOD" | |
      """)
  void shouldJudgeTheTargetSegmentOnly(String specification, String changes, String failures, String warnings) {
    assertFindings(evaluate(PROJECT_SALES, STAGE, GateFacts.allGoodExcept(changes)), failures, warnings);
  }

  @Test
  void shouldPassTargetGateWhenAllFactsAreGood() {
    assertFindings(evaluate(PROJECT_SALES, STAGE, GateFacts.allGood()), null, null);
  }

  @Test
  void shouldPassTargetGateForANewOpportunityInTheSegmentWithoutDiscoveryFacts() {
    var opportunity = TestOpportunities.fromJson("""
        { "name": "n", "owner": "rep1", "orgUnit": "HQ", "amount": 1,
          "customer": { "name": "c", "industry": "retail", "inTargetSegment": true } }
        """);

    assertFindings(evaluate(PROJECT_SALES, STAGE, opportunity), null, null);
  }
}

package io.oppflow.gate;

import static io.oppflow.gate.GateFacts.PROJECT_SALES;
import static io.oppflow.gate.GateFacts.assertFindings;
import static io.oppflow.gate.GateFacts.evaluate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gate that leaves stage 6 NEGOTIATE, 进行商务谈判 (rules/projectsales/negotiate.drl). */
class NegotiateGateRulesTests {

  private static final String STAGE = "NEGOTIATE";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # specification                                          | changed facts                 | failures     | warnings
      should reject when the terms are not agreed              | contract.termsAgreed=false    | NEGOTIATE-01 |
      should reject when agreement on terms is not recorded    | contract.termsAgreed=null     | NEGOTIATE-01 |
      should reject when we dropped back to candidate          | vendorStatus="CANDIDATE"      | NEGOTIATE-02 |
      should reject when our vendor status is not recorded     | vendorStatus=null             | NEGOTIATE-02 |
      should warn of price pressure when only shortlisted      | vendorStatus="SHORTLISTED"    |              | NEGOTIATE-04
      should reject when the budget is only preliminary        | budget.status="PRELIMINARY"   | NEGOTIATE-03 |
      should reject when the budget status is not recorded     | budget.status=null            | NEGOTIATE-03 |
      should ignore closing facts when leaving negotiation     | contract.signed=null; contract.signedOn=null; contract.startDate=null | |
      """)
  void shouldJudgeNegotiation(String specification, String changes, String failures, String warnings) {
    assertFindings(evaluate(PROJECT_SALES, STAGE, GateFacts.allGoodExcept(changes)), failures, warnings);
  }

  @Test
  void shouldPassNegotiateGateWhenAllFactsAreGood() {
    assertFindings(evaluate(PROJECT_SALES, STAGE, GateFacts.allGood()), null, null);
  }

  @Test
  void shouldRejectNegotiationWhenNotShortlisted() {
    GateVerdict verdict = evaluate(PROJECT_SALES, STAGE, GateFacts.allGoodExcept("vendorStatus=\"NONE\""));

    assertFindings(verdict, "NEGOTIATE-02", null);
  }
}

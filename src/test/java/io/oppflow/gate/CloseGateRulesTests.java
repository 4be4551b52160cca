package io.oppflow.gate;

import static io.oppflow.gate.GateFacts.PROJECT_SALES;
import static io.oppflow.gate.GateFacts.assertFindings;
import static io.oppflow.gate.GateFacts.evaluate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gate that leaves stage 7 CLOSE, 完成销售成交 (rules/projectsales/close.drl). */
class CloseGateRulesTests {

  private static final String STAGE = "CLOSE";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # specification                                       | changed facts                   | failures | warnings
      should reject when the contract is not signed         | contract.signed=false           | CLOSE-01 |
      should reject when the signature is not recorded      | contract.signed=null            | CLOSE-01 |
      should reject when the signing date is missing        | contract.signedOn=null          | CLOSE-01 |
      should reject a signing date in the future            | contract.signedOn="2026-12-02"  | CLOSE-01 |
      should accept a contract signed today                 | contract.signedOn="2026-12-01"  |          |
      should reject when no start date is agreed            | contract.startDate=null         | CLOSE-02 |
      should reject an empty contract on both counts        | contract={}                     | CLOSE-01 CLOSE-02 |
      should ignore earlier-stage facts when closing        | vendorStatus="CANDIDATE"; solution={}; budget.status="NONE" | |
      """)
  void shouldJudgeTheSignedDeal(String specification, String changes, String failures, String warnings) {
    assertFindings(evaluate(PROJECT_SALES, STAGE, GateFacts.allGoodExcept(changes)), failures, warnings);
  }

  @Test
  void shouldPassCloseGateWhenAllFactsAreGood() {
    assertFindings(evaluate(PROJECT_SALES, STAGE, GateFacts.allGood()), null, null);
  }
}

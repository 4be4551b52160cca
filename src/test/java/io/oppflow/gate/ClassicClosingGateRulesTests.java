package io.oppflow.gate;

import static io.oppflow.gate.GateFacts.CLASSIC;
import static io.oppflow.gate.GateFacts.assertFindings;
import static io.oppflow.gate.GateFacts.evaluate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The classic funnel's gate that leaves Closed, i.e. wins the deal (rules/classic/closing.drl). */
class ClassicClosingGateRulesTests {

  private static final String STAGE = "CLOSING";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # specification                                    | changed facts                  | failures   | warnings
      should reject when the agreement is not signed     | contract.signed=false          | CLOSING-01 |
      should reject when the signing date is missing     | contract.signedOn=null         | CLOSING-01 |
      should reject a signing date in the future         | contract.signedOn="2026-12-02" | CLOSING-01 |
      should reject when no start date is set            | contract.startDate=null        | CLOSING-02 |
      should ignore qualification facts when closing     | vendorStatus="CANDIDATE"; budget={} | |
      """)
  void shouldJudgeTheSignedAgreement(String specification, String changes, String failures, String warnings) {
    assertFindings(evaluate(CLASSIC, STAGE, GateFacts.allGoodExcept(changes)), failures, warnings);
  }

  @Test
  void shouldPassClosingGateWhenAllFactsAreGood() {
    assertFindings(evaluate(CLASSIC, STAGE, GateFacts.allGood()), null, null);
  }
}

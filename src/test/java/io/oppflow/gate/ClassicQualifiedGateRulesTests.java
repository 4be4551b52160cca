package io.oppflow.gate;

import static io.oppflow.gate.GateFacts.CLASSIC;
import static io.oppflow.gate.GateFacts.assertFindings;
import static io.oppflow.gate.GateFacts.evaluate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The classic funnel's gate that leaves Qualified (rules/classic/qualified.drl). */
class ClassicQualifiedGateRulesTests {

  private static final String STAGE = "QUALIFIED";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # specification                                     | changed facts              | failures     | warnings
      should reject when the terms are not agreed         | contract.termsAgreed=false | QUALIFIED-01 |
      should reject when agreement is not recorded        | contract.termsAgreed=null  | QUALIFIED-01 |
      should warn when we are only shortlisted            | vendorStatus="SHORTLISTED" |              | QUALIFIED-02
      should warn when our vendor status is not recorded  | vendorStatus=null          |              | QUALIFIED-02
      should ignore signature facts when leaving qualified | contract.signed=null; contract.signedOn=null; contract.startDate=null | |
      """)
  void shouldJudgeAgreedTerms(String specification, String changes, String failures, String warnings) {
    assertFindings(evaluate(CLASSIC, STAGE, GateFacts.allGoodExcept(changes)), failures, warnings);
  }

  @Test
  void shouldPassQualifiedGateWhenAllFactsAreGood() {
    assertFindings(evaluate(CLASSIC, STAGE, GateFacts.allGood()), null, null);
  }
}

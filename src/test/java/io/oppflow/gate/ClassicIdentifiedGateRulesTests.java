package io.oppflow.gate;

import static io.oppflow.gate.GateFacts.CLASSIC;
import static io.oppflow.gate.GateFacts.assertFindings;
import static io.oppflow.gate.GateFacts.evaluate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The classic funnel's gate that leaves Identified (rules/classic/identified.drl). */
class ClassicIdentifiedGateRulesTests {

  private static final String STAGE = "IDENTIFIED";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # specification                                         | changed facts          | failures      | warnings
      should reject when we have spoken with nobody           | customerProjectTeam=[] | IDENTIFIED-01 |
      should accept a contact who is not a decision maker     | customerProjectTeam=[{"name":"李娜","decisionMaker":false}] | |
      should reject when the customer declined the need       | needConfirmed=false    | IDENTIFIED-02 |
      should reject when the need is not confirmed yet        | needConfirmed=null     | IDENTIFIED-02 |
      should ignore qualification facts when leaving identified | budget={}; solution={}; timeline={} | |
      """)
  void shouldJudgeTheFirstContact(String specification, String changes, String failures, String warnings) {
    assertFindings(evaluate(CLASSIC, STAGE, GateFacts.allGoodExcept(changes)), failures, warnings);
  }

  @Test
  void shouldPassIdentifiedGateWhenAllFactsAreGood() {
    assertFindings(evaluate(CLASSIC, STAGE, GateFacts.allGood()), null, null);
  }
}

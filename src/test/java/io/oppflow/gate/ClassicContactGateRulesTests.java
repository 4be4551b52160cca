package io.oppflow.gate;

import static io.oppflow.gate.GateFacts.CLASSIC;
import static io.oppflow.gate.GateFacts.assertFindings;
import static io.oppflow.gate.GateFacts.evaluate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The classic funnel's gate that leaves Contact (rules/classic/contact.drl). */
class ClassicContactGateRulesTests {

  private static final String STAGE = "CONTACT";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # specification                                         | changed facts               | failures   | warnings
      should reject when no decision maker is known           | customerProjectTeam=[{"name":"李娜","decisionMaker":false}] | CONTACT-01 |
      should reject when the budget is only estimated         | budget.status="ESTIMATED"   | CONTACT-02 |
      should reject when there is no budget                   | budget.status="NONE"        | CONTACT-02 |
      should accept a preliminary budget                      | budget.status="PRELIMINARY" |            |
      should reject a budget of zero                          | budget.amount=0             | CONTACT-02 |
      should reject when no proposal is submitted             | solution.proposalSubmitted=false | CONTACT-03 |
      should reject when the proposal is not recorded         | solution.proposalSubmitted=null  | CONTACT-03 |
      should reject when the customer has not agreed to start | timeline.decisionDate=null  | CONTACT-04 |
      should ignore closing facts when leaving contact        | contract={}; vendorStatus=null | |
      """)
  void shouldJudgeQualification(String specification, String changes, String failures, String warnings) {
    assertFindings(evaluate(CLASSIC, STAGE, GateFacts.allGoodExcept(changes)), failures, warnings);
  }

  @Test
  void shouldPassContactGateWhenAllFactsAreGood() {
    assertFindings(evaluate(CLASSIC, STAGE, GateFacts.allGood()), null, null);
  }
}

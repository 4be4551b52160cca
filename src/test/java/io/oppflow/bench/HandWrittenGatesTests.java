package io.oppflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.oppflow.gate.internal.RuleFiles;
import io.oppflow.gate.internal.RuleSelfTests;
import io.oppflow.gate.internal.RuleSelfTests.SelfTestCase;
import io.oppflow.opportunity.Activity;
import io.oppflow.opportunity.Opportunity;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The benchmark's hand-written gates hold to the same specification as the rules: every case of the
 * project-sales funnel's {@code rules/projectsales/*.cases.yaml}, one named test per case, gives the same
 * failures and warnings through {@link HandWrittenGates}. So the baseline cannot drift from the rules.
 */
class HandWrittenGatesTests {

  private static final HandWrittenGates GATES = new HandWrittenGates();

  @TestFactory
  Stream<DynamicTest> everyProjectSalesCaseHoldsForTheHandWrittenGates() {
    List<SelfTestCase> cases = RuleFiles.read(BenchFacts.RULES).caseFiles().entrySet().stream()
        .flatMap(e -> RuleSelfTests.cases(e.getKey(), e.getValue()).stream())
        .filter(c -> "project-sales-funnel".equals(c.process()))
        .toList();
    assertThat(cases).as("project-sales cases").hasSizeGreaterThan(50);

    return cases.stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
      String problem = c.problemWith((request, facts) -> GATES.evaluate(request, (Opportunity) facts[0],
          Arrays.stream(facts).skip(1).map(Activity.class::cast).toList()));
      if (problem != null) {
        fail("hand-written gates: " + c + ": " + problem);
      }
    }));
  }
}

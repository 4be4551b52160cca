package io.oppflow.gate.internal;

import io.oppflow.gate.Criterion;
import io.oppflow.gate.GateRequest;
import io.oppflow.gate.GateVerdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The specification of every shipped gate: the cases of {@code rules/<process>/<gate>.cases.yaml}, one named
 * test per case ("file › case"), run against the shipped rules exactly as an upload runs them. A case that
 * does not hold names its file, its case and the criterion codes that differ. Every criterion the rules
 * state is shown by some case, and every file is evaluated on the same documented day.
 */
class ShippedRuleCasesTests {

  @TestFactory
  Stream<DynamicTest> everyShippedCaseHolds() {
    return ShippedRules.cases().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
      String problem = c.problemWith(ShippedRules.RULES);
      if (problem != null) {
        fail(c + ": " + problem);
      }
    }));
  }

  @Test
  void shouldShipCasesForEveryGateOfBothFunnels() {
    Set<String> gates = new TreeSet<>();
    ShippedRules.CASE_FILES.values().forEach(yaml -> gates.add(file(yaml).get("process") + "/" + file(yaml).get("stage")));

    assertThat(gates).containsExactlyInAnyOrder(
        "project-sales-funnel/TARGET", "project-sales-funnel/DISCOVER", "project-sales-funnel/CONFIRM_INTENT",
        "project-sales-funnel/INITIATE_PROJECT", "project-sales-funnel/WIN_RECOGNITION", "project-sales-funnel/NEGOTIATE",
        "project-sales-funnel/CLOSE", "classic-funnel/IDENTIFIED", "classic-funnel/CONTACT", "classic-funnel/QUALIFIED",
        "classic-funnel/CLOSING");
    gates.forEach(gate -> assertThat(ShippedRules.RULES.covers(gate.split("/")[0], gate.split("/")[1]))
        .as(gate + " is covered by the compiled rules").isTrue());
  }

  @Test
  void shouldEvaluateEveryShippedFileOnTheOneDocumentedDay() {
    ShippedRules.CASE_FILES.forEach((path, yaml) -> assertThat(file(yaml))
        .as(path + " uses the default today (" + CaseTable.DEFAULT_TODAY + "); a date-relative case says so in its name")
        .doesNotContainKey("today"));
  }

  @Test
  void shouldHaveAPassingCaseInEveryFile() {
    ShippedRules.CASE_FILES.forEach((path, yaml) -> assertThat(cases(yaml))
        .as(path + " has a case that expects the gate to pass")
        .anySatisfy(c -> assertThat(expected(c, "failures")).isEmpty()));
  }

  @Test
  void shouldExpectEveryBlockingCriterionAsAFailureAndEveryWarningAsAWarning() {
    Set<String> failures = new TreeSet<>();
    Set<String> warnings = new TreeSet<>();
    ShippedRules.CASE_FILES.values().forEach(yaml -> cases(yaml).forEach(c -> {
      failures.addAll(expected(c, "failures"));
      warnings.addAll(expected(c, "warnings"));
    }));
    Set<String> unproven = new TreeSet<>();
    ShippedRules.RULES.criteria().values().forEach(c -> {
      if (!(c.blocking() ? failures : warnings).contains(c.code())) {
        unproven.add(c.code() + (c.blocking() ? " (blocking: expect it in failures)" : " (warning: expect it in warnings)"));
      }
    });

    assertThat(ShippedRules.RULES.criteria()).as("criteria stated by the rules and tables").hasSize(45);
    assertThat(unproven).as("criteria that no case expects").isEmpty();
  }

  /** A gate judges only its own criteria, and a stage code under the wrong process is a gate without rules. */
  @ParameterizedTest(name = "{0} / {1} reports only its own criteria")
  @CsvSource({
      "project-sales-funnel, TARGET", "project-sales-funnel, DISCOVER", "project-sales-funnel, CONFIRM_INTENT",
      "project-sales-funnel, INITIATE_PROJECT", "project-sales-funnel, WIN_RECOGNITION", "project-sales-funnel, NEGOTIATE",
      "project-sales-funnel, CLOSE", "classic-funnel, IDENTIFIED", "classic-funnel, CONTACT", "classic-funnel, QUALIFIED",
      "classic-funnel, CLOSING"})
  void shouldReportOnlyTheCriteriaOfTheAskedGate(String process, String stage) {
    GateVerdict verdict = ShippedRules.RULES.evaluate(new GateRequest(process, stage, CaseTable.DEFAULT_TODAY),
        io.oppflow.opportunity.TestOpportunities.fromJson("{\"name\": \"n\", \"customer\": {\"name\": \"c\"}}"));

    assertThat(verdict.failures()).as("a just-created opportunity fails every gate").isNotEmpty();
    assertThat(verdict.failures()).extracting(Criterion::code).allMatch(code -> code.startsWith(stage + "-"));
    assertThat(verdict.warnings()).extracting(Criterion::code).allMatch(code -> code.startsWith(stage + "-"));
  }

  @Test
  void shouldFailAStageCodeUnderTheWrongProcessAsAGateWithoutRules() {
    var opportunity = io.oppflow.opportunity.TestOpportunities.fromJson("{\"name\": \"n\", \"customer\": {\"name\": \"c\"}}");

    assertThat(ShippedRules.RULES.evaluate(new GateRequest("classic-funnel", "TARGET", CaseTable.DEFAULT_TODAY), opportunity)
        .failures()).extracting(Criterion::code).containsExactly("GATE-NO-RULES");
    assertThat(ShippedRules.RULES.evaluate(new GateRequest("project-sales-funnel", "IDENTIFIED", CaseTable.DEFAULT_TODAY),
        opportunity).failures()).extracting(Criterion::code).containsExactly("GATE-NO-RULES");
  }

  private static Map<String, Object> file(String yaml) {
    return new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> cases(String yaml) {
    return (List<Map<String, Object>>) file(yaml).get("cases");
  }

  @SuppressWarnings("unchecked")
  private static List<String> expected(Map<String, Object> selfTest, String kind) {
    Object codes = ((Map<String, Object>) selfTest.get("expect")).get(kind);
    return codes == null ? List.of() : (List<String>) codes;
  }
}

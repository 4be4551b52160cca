package io.oppflow.gate;

import io.oppflow.gate.internal.RuleSelfTests;
import io.oppflow.gate.internal.RuleSetFiles;
import static org.assertj.core.api.Assertions.assertThat;

import io.oppflow.gate.internal.RuleSelfTests.CaseFailure;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rule self-test runner: what sales-ops see when a case of a {@code .cases.yaml} table does not hold. */
class RuleSelfTestsTests {

  private static final String FILE = "demo/one.cases.yaml";

  private static final RuleSet RULES = RuleSet.compile(new RuleSetFiles(Map.of("selftest/demo.drl", """
      package selftest;

      import io.oppflow.gate.GateRequest;
      import io.oppflow.gate.Finding;
      import io.oppflow.opportunity.*;

      rule "DEMO-01 the industry is recorded"
      when
          GateRequest( process == "demo", stage == "ONE" )
          Opportunity( customer.industry == null )
      then
          insert( Finding.blocking( "DEMO-01", "未记录行业。", "No industry." ) );
      end

      rule "DEMO-02 a visit was logged during this stage"
      when
          GateRequest( process == "demo", stage == "ONE" )
          not( Activity( type == ActivityType.VISIT, stage == "ONE" ) )
      then
          insert( Finding.warning( "DEMO-02", "未拜访。", "No visit." ) );
      end

      rule "DEMO-03 the expected close date lies ahead"
      when
          GateRequest( process == "demo", stage == "ONE", $today : today )
          Opportunity( expectedCloseDate != null, expectedCloseDate.isBefore( $today ) )
      then
          insert( Finding.warning( "DEMO-03", "已过期。", "Past." ) );
      end

      rule "BROKEN-01 a rule that fails while evaluating"
      when
          GateRequest( process == "demo", stage == "BROKEN", $stage : stage )
          Opportunity( customer.name.substring( $stage.length() * 100 ) != null )
      then
      end
      """.getBytes(StandardCharsets.UTF_8))));

  private static final String HEADER = """
      process: demo
      stage: ONE
      base:
        name: 测试商机
        customer: { name: 测试客户, industry: retail }
      activities:
        - { type: VISIT, date: 2026-11-20, contact: 王强 }
      """;

  @Test
  void shouldFindNothingWrongWithATableWhoseCasesAllHold() {
    String table = HEADER + """
        cases:
          - name: a recorded industry and a visit pass
            expect: { failures: [], warnings: [] }
          - name: a missing industry fails DEMO-01
            set: { customer: { industry: null } }
            expect: { failures: [DEMO-01] }
          - name: no visit warns DEMO-02
            activities: []
            expect: { failures: [], warnings: [DEMO-02] }
          - name: a visit in another stage warns DEMO-02
            activities: [ { type: VISIT, stage: ZERO } ]
            expect: { failures: [], warnings: [DEMO-02] }
        """;

    assertThat(run(table)).isEmpty();
    assertThat(RuleSelfTests.countCases(Map.of(FILE, table))).isEqualTo(4);
  }

  @Test
  void shouldReportAWrongExpectationWithFileAndCaseName() {
    List<CaseFailure> failures = run(HEADER + """
        cases:
          - name: a missing industry is wrongly expected to pass
            set: { customer: { industry: null } }
            expect: { failures: [] }
        """);

    assertThat(failures).containsExactly(new CaseFailure(FILE, "a missing industry is wrongly expected to pass",
        "expected failures [] but got [DEMO-01] (unexpected DEMO-01)"));
  }

  @Test
  void shouldCheckWarningsOnlyWhenTheCaseNamesThem() {
    List<CaseFailure> failures = run(HEADER + """
        cases:
          - name: warnings not named are not checked
            activities: []
            expect: { failures: [] }
          - name: named warnings are checked
            activities: []
            expect: { failures: [], warnings: [] }
        """);

    assertThat(failures).containsExactly(
        new CaseFailure(FILE, "named warnings are checked", "expected warnings [] but got [DEMO-02] (unexpected DEMO-02)"));
  }

  @Test
  void shouldEvaluateOnTheDateOfTheTable() {
    String cases = """
        cases:
          - name: a close date before the evaluation date warns
            set: { expectedCloseDate: 2026-11-26 }
            expect: { failures: [], warnings: [DEMO-03] }
        """;

    assertThat(run(HEADER + cases)).isEmpty();
    assertThat(run(HEADER + "today: 2026-11-01\n" + cases)).extracting(CaseFailure::problem)
        .containsExactly("expected warnings [DEMO-03] but got [] (missing DEMO-03)");
  }

  @Test
  void shouldReportAYamlSyntaxErrorWithItsLine() {
    List<CaseFailure> failures = run("""
        process: demo
        stage: ONE
        cases:
          - name: a colon: in a name
            expect: { failures: [] }
        """);

    assertThat(failures).singleElement().satisfies(f -> {
      assertThat(f.file()).isEqualTo(FILE);
      assertThat(f.caseName()).isEmpty();
      assertThat(f.problem()).startsWith("YAML syntax error at line 4");
    });
  }

  @Test
  void shouldReportAnUnknownFactFieldByItsPath() {
    assertThat(run(HEADER + """
        cases:
          - name: a misspelt field
            set: { customer: { industy: retail } }
            expect: { failures: [] }
        """)).containsExactly(
            new CaseFailure(FILE, "a misspelt field", "'customer.industy' is not a field of an opportunity"));
  }

  @Test
  void shouldReportAnIllTypedFactByItsPath() {
    assertThat(run(HEADER + """
        cases:
          - name: a headcount in words
            set: { customer: { headcount: many } }
            expect: { failures: [] }
        """)).extracting(CaseFailure::problem)
        .containsExactly("'customer.headcount': 'many' is not a whole number");
  }

  @Test
  void shouldReportAnUnknownActivityTypeByItsPath() {
    assertThat(run(HEADER + """
        cases:
          - name: a lunch is no activity type
            activities: [ { type: VISIT }, { type: LUNCH } ]
            expect: { failures: [] }
        """)).extracting(CaseFailure::problem).singleElement().asString()
        .startsWith("'activities[1].type': 'LUNCH' is not one of [VISIT, CALL, MEETING, DEMO, PROPOSAL, OTHER]");
  }

  @Test
  void shouldReportAMistakeInTheBaseOnceForTheFile() {
    assertThat(run("""
        process: demo
        stage: ONE
        base: { name: n, colour: red }
        cases:
          - { name: one, expect: { failures: [] } }
          - { name: two, expect: { failures: [] } }
        """)).containsExactly(new CaseFailure(FILE, "", "base: 'colour' is not a field of an opportunity"));
  }

  @Test
  void shouldReportACaseWithoutExpect() {
    assertThat(run(HEADER + """
        cases:
          - name: nothing expected
        """)).extracting(CaseFailure::caseName, CaseFailure::problem)
        .singleElement().asString().contains("nothing expected", "expect is missing");
  }

  @Test
  void shouldReportAMisspeltKeyOfACase() {
    assertThat(run(HEADER + """
        cases:
          - name: a typo
            sets: { needs: x }
            expect: { failures: [] }
        """)).extracting(CaseFailure::problem).singleElement().asString().startsWith("unknown key 'sets' in a case");
  }

  @Test
  void shouldReportTwoCasesWithTheSameName() {
    assertThat(run(HEADER + """
        cases:
          - { name: twice, expect: { failures: [] } }
          - { name: twice, expect: { failures: [] } }
        """)).containsExactly(new CaseFailure(FILE, "twice", "another case has the same name"));
  }

  @ParameterizedTest(name = "should report a file without {0}")
  @ValueSource(strings = {"process", "stage", "cases"})
  void shouldReportAFileWithoutProcessStageOrCases(String key) {
    String table = """
        process: demo
        stage: ONE
        cases: [ { name: n, expect: { failures: [] } } ]
        """.replaceAll("(?m)^" + key + ":.*\\n", "");

    assertThat(run(table)).extracting(CaseFailure::caseName, CaseFailure::problem)
        .singleElement().asString().contains(key + " is missing");
  }

  @Test
  void shouldReportARuleThatFailsWhileEvaluating() {
    assertThat(run("""
        process: demo
        stage: BROKEN
        cases: [ { name: the broken gate, expect: { failures: [] } } ]
        """)).singleElement().satisfies(f -> {
          assertThat(f.caseName()).isEqualTo("the broken gate");
          assertThat(f.problem()).contains("demo/BROKEN", "failed while evaluating");
        });
  }

  @ParameterizedTest(name = "should report, not throw, for \"{0}\"")
  @ValueSource(strings = {"", "just text", "- a list", "cases: 3", "process: demo\nstage: ONE\ncases: [ 42 ]",
      "process: demo\nstage: ONE\nbase: [ 1 ]\ncases: [ { name: n } ]", "process: demo\nstage: ONE\ncases: [ { name: n, set: 1 } ]"})
  void shouldReportAnythingMalformedWithoutThrowing(String table) {
    assertThat(run(table)).isNotEmpty().allSatisfy(f -> assertThat(f.problem()).doesNotStartWith("unexpected"));
    assertThat(RuleSelfTests.countCases(Map.of(FILE, table))).isLessThanOrEqualTo(1);
  }

  private static List<CaseFailure> run(String table) {
    return RuleSelfTests.run(RULES, Map.of(FILE, table));
  }
}

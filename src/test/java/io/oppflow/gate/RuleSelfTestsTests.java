package io.oppflow.gate;

import io.oppflow.gate.internal.RuleSelfTests;
import io.oppflow.gate.internal.RuleSetFiles;
import static org.assertj.core.api.Assertions.assertThat;

import io.oppflow.gate.internal.RuleSelfTests.CaseFailure;
import io.oppflow.shared.Message;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rule self-test runner: what sales-ops see when a case of a {@code .cases.yaml} table does not hold, in Chinese
 * and English ("中文 / English", as every refusal of the API; the English half is what most tests here compare).
 */
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
        "预期阻断项 []，实际为 [DEMO-01]（多出 DEMO-01） / expected failures [] but got [DEMO-01] (unexpected DEMO-01)"));
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

    assertThat(failures).extracting(CaseFailure::caseName).containsExactly("named warnings are checked");
    assertThat(english(failures)).containsExactly("expected warnings [] but got [DEMO-02] (unexpected DEMO-02)");
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
    assertThat(english(run(HEADER + "today: 2026-11-01\n" + cases)))
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
      assertThat(Message.parse(f.problem()).zh()).startsWith("YAML 语法错误（第 4 行");
      assertThat(Message.parse(f.problem()).en()).startsWith("YAML syntax error at line 4");
    });
  }

  @Test
  void shouldReportAnUnknownFactFieldByItsPath() {
    assertThat(run(HEADER + """
        cases:
          - name: a misspelt field
            set: { customer: { industy: retail } }
            expect: { failures: [] }
        """)).containsExactly(new CaseFailure(FILE, "a misspelt field",
            "'customer.industy' 不是商机的字段 / 'customer.industy' is not a field of an opportunity"));
  }

  @Test
  void shouldReportAnIllTypedFactByItsPath() {
    assertThat(english(run(HEADER + """
        cases:
          - name: a headcount in words
            set: { customer: { headcount: many } }
            expect: { failures: [] }
        """))).containsExactly("'customer.headcount': 'many' is not a whole number");
  }

  @Test
  void shouldReportAnUnknownActivityTypeByItsPath() {
    assertThat(english(run(HEADER + """
        cases:
          - name: a lunch is no activity type
            activities: [ { type: VISIT }, { type: LUNCH } ]
            expect: { failures: [] }
        """))).singleElement().asString()
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
        """)).containsExactly(new CaseFailure(FILE, "", "base: 'colour' 不是商机的字段 / base: 'colour' is not a field of an opportunity"));
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
    assertThat(english(run(HEADER + """
        cases:
          - name: a typo
            sets: { needs: x }
            expect: { failures: [] }
        """))).singleElement().asString().startsWith("unknown key 'sets' in a case");
  }

  @Test
  void shouldReportTwoCasesWithTheSameName() {
    assertThat(run(HEADER + """
        cases:
          - { name: twice, expect: { failures: [] } }
          - { name: twice, expect: { failures: [] } }
        """)).containsExactly(new CaseFailure(FILE, "twice", "已有同名的用例 / another case has the same name"));
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
          assertThat(Message.parse(f.problem()).zh()).contains("demo/BROKEN", "在评估时出错");
          assertThat(Message.parse(f.problem()).en()).contains("demo/BROKEN", "failed while evaluating");
        });
  }

  @ParameterizedTest(name = "should report, not throw, for \"{0}\"")
  @ValueSource(strings = {"", "just text", "- a list", "cases: 3", "process: demo\nstage: ONE\ncases: [ 42 ]",
      "process: demo\nstage: ONE\nbase: [ 1 ]\ncases: [ { name: n } ]", "process: demo\nstage: ONE\ncases: [ { name: n, set: 1 } ]"})
  void shouldReportAnythingMalformedWithoutThrowing(String table) {
    assertThat(run(table)).isNotEmpty().allSatisfy(f -> assertThat(f.problem()).doesNotStartWith("意外错误"));
    assertThat(RuleSelfTests.countCases(Map.of(FILE, table))).isLessThanOrEqualTo(1);
  }

  /**
   * Each mistake a rule author can make in a table, told in both languages: the Chinese half, then " / " and the
   * English half, split back as the pages split it.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      a case's codes the gate does not give | cases: [ { name: n, set: { customer: { industry: null } }, expect: { failures: [], warnings: [DEMO-02] } } ] \
        | 预期阻断项 []，实际为 [DEMO-01]（多出 DEMO-01）；预期提醒项 [DEMO-02]，实际为 []（缺少 DEMO-02） \
        | expected failures [] but got [DEMO-01] (unexpected DEMO-01); expected warnings [DEMO-02] but got [] (missing DEMO-02)
      a misspelt fact | cases: [ { name: n, set: { customer: { industy: retail } }, expect: { failures: [] } } ] \
        | 'customer.industy' 不是商机的字段 | 'customer.industy' is not a field of an opportunity
      an ill-typed fact | cases: [ { name: n, set: { customer: { headcount: many } }, expect: { failures: [] } } ] \
        | 'customer.headcount': 'many' 不是整数 | 'customer.headcount': 'many' is not a whole number
      an unknown activity type | cases: [ { name: n, activities: [ { type: LUNCH } ], expect: { failures: [] } } ] \
        | "'activities[0].type': 'LUNCH' 不是 [VISIT, CALL, MEETING, DEMO, PROPOSAL, OTHER] 之一" \
        | "'activities[0].type': 'LUNCH' is not one of [VISIT, CALL, MEETING, DEMO, PROPOSAL, OTHER]"
      an activity without type | cases: [ { name: n, activities: [ { contact: 王强 } ], expect: { failures: [] } } ] \
        | "缺少 'activities[0].type'：须为 [VISIT, CALL, MEETING, DEMO, PROPOSAL, OTHER] 之一" \
        | "'activities[0].type' is missing: one of [VISIT, CALL, MEETING, DEMO, PROPOSAL, OTHER]"
      a case without expect | cases: [ { name: n } ] \
        | "缺少 expect：请写 expect: { failures: [...] }" | "expect is missing: give expect: { failures: [...] }"
      an expect without failures | cases: [ { name: n, expect: { warnings: [] } } ] \
        | "缺少 failures：关卡应当通过时请写 failures: []" | "failures is missing: give failures: [] when the gate must pass"
      a misspelt key of a case | cases: [ { name: n, sets: {}, expect: { failures: [] } } ] \
        | "用例中有未知的键 'sets'（应为 [name, set, activities, expect] 之一）" \
        | "unknown key 'sets' in a case (expected one of [name, set, activities, expect])"
      a case that is no map | cases: [ 42 ] | 用例须为“键: 值”的映射，而不是 42 | "a case must be a map of key: value, not 42"
      codes given as a map | cases: [ { name: n, expect: { failures: { a: b } } } ] \
        | "expect.failures 须为标准代码的列表，如 [DISCOVER-02]" | "expect.failures must be a list of criterion codes, e.g. [DISCOVER-02]"
      another process in the facts | "cases: [ { name: n, set: { process: other }, expect: { failures: [] } } ]" \
        | 'process' 为 other，而此文件测试的是 demo | 'process' is other but this file tests demo
      """)
  void shouldTellEachMistakeOfACaseInBothLanguages(String mistake, String cases, String zh, String en) {
    List<CaseFailure> failures = run(HEADER + cases);

    assertThat(failures).as(mistake).singleElement().extracting(CaseFailure::problem).isEqualTo(zh + " / " + en);
    assertThat(Message.parse(failures.get(0).problem())).isEqualTo(new Message(zh, en));
  }

  /** A mistake of the whole file, in both languages, once for the file (no case name). */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      no cases | "process: demo\\nstage: ONE" | 缺少 cases 或其为空：请列出用例，每个用例都有 name 和 expect \
        | cases is missing or empty: give a list of cases, each with a name and expect
      no stage | "process: demo\\ncases: [ { name: n, expect: { failures: [] } } ]" | 缺少 stage：请写明此文件所测关卡的 stage \
        | stage is missing: give the stage of the gate this file tests
      a bad date | "process: demo\\nstage: ONE\\ntoday: soon\\ncases: [ { name: n, expect: { failures: [] } } ]" \
        | "today: 'soon' 不是形如 2026-11-27 的日期" | "today: 'soon' is not a date like 2026-11-27"
      a misspelt key | "process: demo\\nstage: ONE\\nbases: {}\\ncases: [ { name: n, expect: { failures: [] } } ]" \
        | "文件中有未知的键 'bases'（应为 [process, stage, today, base, activities, cases] 之一）" \
        | "unknown key 'bases' in the file (expected one of [process, stage, today, base, activities, cases])"
      a mistake in the base | "process: demo\\nstage: ONE\\nbase: { colour: red }\\ncases: [ { name: n, expect: { failures: [] } } ]" \
        | "base: 'colour' 不是商机的字段" | "base: 'colour' is not a field of an opportunity"
      text, not a table | just text | 文件须为“键: 值”的映射，而不是 just text | "the file must be a map of key: value, not just text"
      """)
  void shouldTellAMistakeOfTheWholeFileInBothLanguages(String mistake, String table, String zh, String en) {
    List<CaseFailure> failures = run(table.replace("\\n", "\n"));

    assertThat(failures).as(mistake).containsExactly(new CaseFailure(FILE, "", zh + " / " + en));
  }

  /** The audit trail keeps one text of all that failed, "中文 / English" as a whole, so the history shows one language. */
  @Test
  void shouldSummariseTheFailuresForTheAuditTrailInBothLanguages() {
    List<CaseFailure> failures = run(HEADER + """
        cases:
          - { name: one, set: { customer: { industry: null } }, expect: { failures: [] } }
          - { name: two, set: { customer: { industy: retail } }, expect: { failures: [] } }
        """);

    assertThat(Message.parse(RuleSelfTests.summary(failures).both())).isEqualTo(new Message(
        "2 个自测用例未通过：" + FILE + " › one：预期阻断项 []，实际为 [DEMO-01]（多出 DEMO-01）；"
            + FILE + " › two：'customer.industy' 不是商机的字段",
        "2 self-test cases fail: " + FILE + " › one: expected failures [] but got [DEMO-01] (unexpected DEMO-01); "
            + FILE + " › two: 'customer.industy' is not a field of an opportunity"));
  }

  /** The English halves of the problems, which the tests above compare. */
  private static List<String> english(List<CaseFailure> failures) {
    return failures.stream().map(f -> Message.parse(f.problem())).peek(m -> assertThat(m.inBothLanguages()).isTrue())
        .map(Message::en).toList();
  }

  private static List<CaseFailure> run(String table) {
    return RuleSelfTests.run(RULES, Map.of(FILE, table));
  }
}

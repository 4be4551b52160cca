package io.oppflow.gate.internal;

import io.oppflow.gate.Criterion;
import io.oppflow.gate.GateRequest;
import io.oppflow.gate.GateVerdict;
import io.oppflow.gate.RuleSet;
import io.oppflow.shared.Message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oppflow.opportunity.TestOpportunities;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Sales-ops keep the single-condition criteria as decision tables ({@code *.drl.csv}) next to the DRL: the
 * engine compiles and applies their rows, and whatever is wrong in a table is reported by its row and cell.
 */
class DecisionTableRulesTests {

  private static final String REGION_TABLE = String.join("\n",
      "\"RuleSet\",\"projectsales\"",
      "\"Import\",\"io.oppflow.gate.GateRequest, io.oppflow.gate.Finding, io.oppflow.opportunity.Opportunity\"",
      "\"RuleTable TARGET regions off the sales map\"",
      "\"CONDITION\",\"CONDITION\",\"ACTION\"",
      "\"GateRequest\",\"Opportunity\",\"\"",
      "\"process == \"\"$1\"\", stage == \"\"$2\"\"\",\"region == \"\"$param\"\"\",\"insert(Finding.warning(\"\"$1\"\", \"\"$2\"\", \"\"$3\"\"));\"",
      "\"Gate\",\"Region\",\"Finding\"",
      "\"project-sales-funnel,TARGET\",\"Atlantis\",\"TARGET-92,该区域不在销售版图内,The region is not on our sales map\"",
      "\"project-sales-funnel,TARGET\",\"Lemuria\",\"TARGET-93,该区域暂停销售,Sales are paused in this region\"",
      "\"table-only-funnel,ONE\",\"Lemuria\",\"ONE-01,该区域暂停销售,Sales are paused in this region\"",
      "");

  @Test
  void shouldCompileACsvDecisionTableWithTheRulesAndApplyItsRows() {
    Map<String, byte[]> files = new TreeMap<>(RuleFiles.read(Path.of("rules")).all());
    files.put("projectsales/regions.drl.csv", REGION_TABLE.getBytes(StandardCharsets.UTF_8));
    RuleSet rules = RuleSet.compile(new RuleSetFiles(files));

    var opportunity = TestOpportunities.fromJson("{\"name\": \"N\", \"customer\": {\"name\": \"C\", \"industry\": \"retail\","
        + " \"inTargetSegment\": true}, \"region\": \"Lemuria\"}");
    GateVerdict verdict = rules.evaluate(new GateRequest("project-sales-funnel", "TARGET", LocalDate.of(2026, 11, 27)), opportunity);

    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.warnings()).extracting(Criterion::code).containsExactly("TARGET-93");
    assertThat(verdict.warnings().get(0).message().zh()).isEqualTo("该区域暂停销售");
    assertThat(rules.covers("table-only-funnel", "ONE")).as("gates a table covers count for deploy-time validation")
        .isTrue();
  }

  @Test
  void shouldNameTheRowOfACellThatDoesNotParse() {
    RuleSetFiles files = withShippedTable(table -> table.replace("customer.inTargetSegment != true,blocking,TARGET-01",
        "customer.inTargetSegment != true ||,blocking,TARGET-01"));

    assertThatThrownBy(() -> RuleSet.compile(files)).isInstanceOfSatisfying(RuleSetCompilationException.class, e ->
        assertThat(e.problems()).anySatisfy(p -> {
          assertThat(p.file()).isEqualTo(TABLE);
          assertThat(p.line()).as("the table row").isEqualTo(8);
          assertThat(p.message()).startsWith("row 8");
        }));
  }

  @Test
  void shouldNameTheRowAndCellOfAMisspeltFactInATable() {
    RuleSetFiles files = withShippedTable(table -> table.replace("customer.inTargetSegment != true,blocking,TARGET-01",
        "customer.inTargetSegmnt != true,blocking,TARGET-01"));

    assertThatThrownBy(() -> RuleSet.compile(files)).isInstanceOfSatisfying(UnsafeRuleSetException.class, e ->
        assertThat(e.getMessage()).contains("projectsales/criteria.drl.csv › TARGET-01 the customer is in a defined target segment",
            "row 8, cell D8: .inTargetSegmnt on Customer is not allowed"));
  }

  @Test
  void shouldNameTheRowAndCellOfAConstructOutsideTheAllowlist() {
    RuleSetFiles files = withShippedTable(table -> table.replace("customer.industry == null || customer.industry.isBlank(),warning,TARGET-02",
        "customer.industry == null || System.currentTimeMillis() > 0,warning,TARGET-02"));

    RuleSetChecker.Result checked = RuleSetChecker.check(files);

    assertThat(checked.violations()).anySatisfy(v -> {
      assertThat(v.file()).isEqualTo(TABLE);
      assertThat(v.rule()).isEqualTo("TARGET-02 the customer's industry is recorded");
      assertThat(v.line()).isEqualTo(9);
      assertThat(v.message().en()).startsWith("row 9, cell D9: ");
      assertThat(v.message().zh()).startsWith("第 9 行，单元格 D9：");
    });
  }

  @Test
  void shouldReadATableSavedWithAByteOrderMarkAsSpreadsheetProgramsWriteIt() {
    RuleSetFiles files = withShippedTableBytes(table -> {
      byte[] text = table.getBytes(StandardCharsets.UTF_8);
      byte[] marked = new byte[text.length + 3];
      marked[0] = (byte) 0xEF;
      marked[1] = (byte) 0xBB;
      marked[2] = (byte) 0xBF;
      System.arraycopy(text, 0, marked, 3, text.length);
      return marked;
    });

    assertThat(RuleSelfTests.run(RuleSet.compile(files), files.caseFiles())).isEmpty();
  }

  @Test
  void shouldRefuseATableThatIsNotUtf8NamingTheFile() {
    RuleSetFiles files = withShippedTableBytes(table -> table.getBytes(java.nio.charset.Charset.forName("GB18030")));

    RuleSetChecker.Result checked = RuleSetChecker.check(files);

    assertThat(checked.unreadable()).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo(TABLE);
      assertThat(p.message()).contains("CSV UTF-8");
    });
  }

  @Test
  void shouldStateEveryRowOfTheShippedTablesAsACriterionWithItsMessages() {
    RuleSet rules = ShippedRules.RULES;

    assertThat(rules.criteria().get("NEGOTIATE-04")).isEqualTo(new Criterion("NEGOTIATE-04", new Message(
        "我们只是入围供应商之一，并非唯一供应商，需防范压价。",
        "We are one of the shortlisted vendors, not the sole vendor; expect price pressure."), false));
    assertThat(rules.covers("project-sales-funnel", "NEGOTIATE")).as("a gate only the table covers").isTrue();
  }

  private static final String TABLE = "projectsales/criteria.drl.csv";

  private static RuleSetFiles withShippedTable(java.util.function.UnaryOperator<String> change) {
    return withShippedTableBytes(table -> change.apply(table).getBytes(StandardCharsets.UTF_8));
  }

  private static RuleSetFiles withShippedTableBytes(java.util.function.Function<String, byte[]> change) {
    Map<String, byte[]> files = new TreeMap<>(ShippedRules.FILES.all());
    String table = new String(files.get(TABLE), StandardCharsets.UTF_8);
    byte[] changed = change.apply(table);
    assertThat(changed).as("the change applies").isNotEqualTo(files.get(TABLE));
    files.put(TABLE, changed);
    return new RuleSetFiles(files);
  }
}

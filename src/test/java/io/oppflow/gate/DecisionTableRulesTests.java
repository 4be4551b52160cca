package io.oppflow.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.oppflow.opportunity.TestOpportunities;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Sales-ops may keep criteria as spreadsheet-like decision tables (*.drl.csv) next to the DRL. */
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
    assertThat(rules.gates()).as("gates a table covers count for deploy-time validation")
        .contains(new RuleSet.Gate("table-only-funnel", "ONE"));
  }
}

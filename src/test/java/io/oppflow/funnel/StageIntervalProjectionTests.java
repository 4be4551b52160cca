package io.oppflow.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;
import io.oppflow.support.Opportunities;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The funnel's stage intervals follow the process history: entered, left, and how. */
@H2ServiceTest
class StageIntervalProjectionTests {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;

  List<Map<String, Object>> intervalsOf(String code) {
    return jdbc.queryForList("select stage, stage_order, outcome, left_at, source from stage_interval"
        + " where opportunity_code = ? order by id", code);
  }

  @Test
  void shouldOpenAnIntervalPerStageEnteredAndCloseItWithItsOutcome() {
    String code = Opportunities.freshCode("INT");
    ApiClient rep1 = ApiClient.as(port, "rep1");
    rep1.post("/api/opportunities", Opportunities.qualified(code).toString());
    rep1.post("/api/opportunities/" + code + "/advance", null);
    rep1.post("/api/opportunities/" + code + "/advance", null);
    rep1.post("/api/opportunities/" + code + "/advance", null); // fails: stays in CONFIRM_INTENT
    rep1.post("/api/opportunities/" + code + "/lose", "{\"reason\": \"COMPETITOR\", \"competitor\": \"Kingdee\"}");

    List<Map<String, Object>> intervals = intervalsOf(code);
    assertThat(intervals).extracting(r -> r.get("STAGE") + "/" + r.get("STAGE_ORDER") + "/" + r.get("OUTCOME"))
        .containsExactly("TARGET/1/ADVANCED", "DISCOVER/2/ADVANCED", "CONFIRM_INTENT/3/LOST");
    assertThat(intervals).allSatisfy(r -> assertThat(r.get("LEFT_AT")).isNotNull());
    assertThat(intervals).allSatisfy(r -> assertThat(r.get("SOURCE")).isEqualTo("ENGINE"));
  }

  @Test
  void shouldSeeAStageEnteredByAProcessModificationThatSkipsTheListeners() {
    String code = Opportunities.freshCode("MOD");
    ApiClient.as(port, "rep1").post("/api/opportunities", Opportunities.minimal(code).toString());
    String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult().getId();

    runtime.createProcessInstanceModification(pid).cancelAllForActivity("Stage_TARGET")
        .startBeforeActivity("Stage_NEGOTIATE").execute(true, true);

    assertThat(intervalsOf(code)).extracting(r -> r.get("STAGE") + "/" + r.get("OUTCOME"))
        .containsExactly("TARGET/LEFT", "NEGOTIATE/null");
  }

  @Test
  void shouldCopyTheOpportunitysSlicesAndFollowTheirChanges() {
    String code = Opportunities.freshCode("SLC");
    ApiClient rep1 = ApiClient.as(port, "rep1");
    rep1.post("/api/opportunities", Opportunities.minimal(code).toString());
    assertThat(slicesOf(code)).containsExactly("rep1/HQ/East/Shanghai-1/East/null/null");

    assertThat(rep1.patch("/api/opportunities/" + code, "{\"region\": \"North\", \"projectType\": \"SMALL\"}").status())
        .isEqualTo(200);
    assertThat(slicesOf(code)).containsExactly("rep1/HQ/East/Shanghai-1/North/SMALL/null");
  }

  List<String> slicesOf(String code) {
    return jdbc.queryForList("select owner, org_unit, region, project_type, customer_type from stage_interval"
        + " where opportunity_code = ? order by id", code).stream()
        .map(r -> r.get("OWNER") + "/" + r.get("ORG_UNIT") + "/" + r.get("REGION") + "/" + r.get("PROJECT_TYPE") + "/"
            + r.get("CUSTOMER_TYPE"))
        .toList();
  }
}

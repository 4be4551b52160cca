package io.oppflow.funnel;

import io.oppflow.support.IdealFunnels;
import static io.oppflow.funnel.FunnelMetricsContract.enc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.oppflow.support.ApiClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ideal funnel (理想漏斗), funnel comparison (漏斗比较) and funnel calculation (漏斗计算) over the hand-made
 * {@link FunnelDataSet}, on every database we support.
 */
abstract class FunnelPlanningContract {

  /** Ideal conversions; their products from the bottom up are 0.9, 0.81, 0.729, 0.6561, 0.45927, 0.229635, 0.183708. */
  static final String IDEAL = IdealFunnels.PROJECT_SALES;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  FunnelDataSet data;

  @BeforeEach
  void insertDataSet() {
    data = new FunnelDataSet(jdbc).insert();
  }

  ApiClient as(String user) {
    return ApiClient.as(port, user);
  }

  ApiClient.Response planQ1(String user) {
    return as(user).put("/api/ideal-funnels/" + data.unit + "/2027-Q1", IDEAL);
  }

  @Test
  void shouldLetTheManagerPlanAnIdealFunnelAndReadItBack() {
    ApiClient.Response put = planQ1("manager1");
    assertThat(put.status()).as(put.toString()).isEqualTo(200);
    JsonNode ideal = as("manager1").get("/api/ideal-funnels/" + data.unit + "/2027-Q1?process=project-sales-funnel").json();
    assertThat(ideal.path("orgUnit").asText()).isEqualTo(data.unit);
    assertThat(ideal.path("process").asText()).isEqualTo("project-sales-funnel");
    assertThat(ideal.path("stages")).hasSize(7);
    assertThat(ideal.path("stages").get(2).path("stage").asText()).isEqualTo("CONFIRM_INTENT");
    assertThat(ideal.path("stages").get(2).path("targetConversion").decimalValue()).isEqualByComparingTo("0.7");
    assertThat(ideal.path("averageDealSize").decimalValue()).isEqualByComparingTo("100000");
    assertThat(ideal.path("updatedBy").asText()).isEqualTo("manager1");
    // planning again replaces it
    assertThat(as("ops1").put("/api/ideal-funnels/" + data.unit + "/2027-Q1", IDEAL.replace("1000000", "2000000")).status()).isEqualTo(200);
    assertThat(as("manager1").get("/api/ideal-funnels/" + data.unit + "/2027-Q1?process=project-sales-funnel").json().path("targetRevenue").decimalValue())
        .isEqualByComparingTo("2000000");
    assertThat(as("manager1").get("/api/ideal-funnels/" + data.unit + "/2027-Q2?process=project-sales-funnel").status()).isEqualTo(404);
  }

  @Test
  void shouldRefuseToLetRepsAndOtherManagersPlan() {
    assertThat(planQ1("rep1").status()).isEqualTo(403);
    assertThat(planQ1("expert1").status()).isEqualTo(403);
    assertThat(as("manager1").put("/api/ideal-funnels/HQ/North/2027-Q1", IDEAL).status()).isEqualTo(403);
    assertThat(as("rep1").get("/api/funnel/compare?process=project-sales-funnel&orgUnit=" + enc(data.unit) + "&period=2027-Q1").status()).isEqualTo(403);
  }

  @Test
  void shouldRejectAnInvalidIdealFunnelNamingEachField() {
    String bad = """
        {"process": "project-sales-funnel", "stages": [{"stage": "TARGET", "targetConversion": 1.5}, {"stage": "NOPE", "targetConversion": 0.5}],
         "targetRevenue": -1}
        """;
    ApiClient.Response r = as("manager1").put("/api/ideal-funnels/" + data.unit + "/2027-Q1", bad);
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(fields(r)).contains("stages[0].targetConversion", "stages[1].stage", "targetRevenue", "averageDealSize", "stages");
    assertThat(fields(as("manager1").put("/api/ideal-funnels/" + data.unit + "/2027-Q5", IDEAL))).containsExactly("period");
    assertThat(fields(as("manager1").put("/api/ideal-funnels/2027-Q1", IDEAL))).containsExactly("path");
  }

  @Test
  void shouldCompareTheActualFunnelWithTheIdealAndNameTheWeakestStage() {
    planQ1("manager1");
    ApiClient.Response r = as("manager1").get("/api/funnel/compare?process=project-sales-funnel&orgUnit=" + enc(data.unit) + "&period=2027-Q1");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode c = r.json();
    // actual: TARGET 3/4, DISCOVER 2/3, CONFIRM_INTENT 1/2, the rest 1/1 (see FunnelMetricsContract)
    assertDelta(c, "TARGET", 0.75, 0.8, -0.05);
    assertDelta(c, "DISCOVER", 0.6667, 0.5, 0.1667);
    assertDelta(c, "CONFIRM_INTENT", 0.5, 0.7, -0.2);
    assertDelta(c, "CLOSE", 1.0, 0.9, 0.1);
    assertThat(c.path("weakestStage").path("stage").asText()).isEqualTo("CONFIRM_INTENT");
    assertThat(c.path("weakestStage").path("belowTarget").asBoolean()).isTrue();
    assertThat(c.path("wonRevenue").decimalValue()).isEqualByComparingTo("100000");
    String csv = new String(csvBytes("/api/funnel/compare?process=project-sales-funnel&orgUnit=" + enc(data.unit) + "&period=2027-Q1&format=csv"),
        StandardCharsets.UTF_8);
    assertThat(csv.lines().filter(l -> l.contains("CONFIRM_INTENT")).findFirst().orElseThrow()).endsWith(",yes,project-sales-funnel,entry");
    assertThat(as("manager1").get("/api/funnel/compare?process=project-sales-funnel&orgUnit=" + enc(data.unit) + "&period=2027-Q2").status()).isEqualTo(404);
  }

  @Test
  void shouldWorkBackFromTheRevenueTargetWithTheIdealConversions() {
    planQ1("manager1");
    JsonNode t = targets("&period=2027-Q1&basis=ideal");
    // 1 000 000 / 100 000 = 10 deals; entering stage i = ⌈10 / product of the conversions from i down⌉:
    // CLOSE 10/0.9 = 11.1 → 12, NEGOTIATE 10/0.81 = 12.3 → 13, WIN_RECOGNITION 10/0.729 = 13.7 → 14,
    // INITIATE_PROJECT 10/0.6561 = 15.2 → 16, CONFIRM_INTENT 10/0.45927 = 21.8 → 22,
    // DISCOVER 10/0.229635 = 43.5 → 44, TARGET 10/0.183708 = 54.4 → 55.
    assertThat(t.path("dealsToWin").asLong()).isEqualTo(10);
    assertThat(needed(t.path("stages"))).containsExactly(55L, 44L, 22L, 16L, 14L, 13L, 12L);
    // two reps own opportunities under the unit (rep1, rep2; O7's unit is a sibling): 5 deals each,
    // CLOSE 5.6 → 6, NEGOTIATE 6.2 → 7, WIN_RECOGNITION 6.9 → 7, INITIATE_PROJECT 7.6 → 8, CONFIRM_INTENT 10.9 → 11,
    // DISCOVER 21.8 → 22, TARGET 27.2 → 28.
    assertThat(t.path("perRep")).hasSize(2);
    assertThat(t.path("perRep").get(0).path("owner").asText()).isEqualTo("rep1");
    assertThat(t.path("perRep").get(0).path("dealsToWin").asLong()).isEqualTo(5);
    assertThat(needed(t.path("perRep").get(1).path("stages"))).containsExactly(28L, 22L, 11L, 8L, 7L, 7L, 6L);
  }

  @Test
  void shouldWorkBackWithTheConversionsMeasuredInThePreviousPeriod() {
    JsonNode t = targets("&period=2027-Q2&basis=measured&revenue=300000");
    // measured over 2027-Q1: average won deal 100 000 (O1) → 3 deals; conversions 3/4, 2/3, 1/2, then 1:
    // CLOSE..INITIATE_PROJECT 3, CONFIRM_INTENT 3/0.5 = 6, DISCOVER 6/(2/3) = 9, TARGET 9/0.75 = 12.
    assertThat(t.path("measuredOver").asText()).isEqualTo("2027-Q1");
    assertThat(t.path("averageDealSize").decimalValue()).isEqualByComparingTo("100000");
    assertThat(needed(t.path("stages"))).containsExactly(12L, 9L, 6L, 3L, 3L, 3L, 3L);
    // per rep ⌈3/2⌉ = 2 deals: 8, 6, 4, 2, 2, 2, 2
    assertThat(needed(t.path("perRep").get(0).path("stages"))).containsExactly(8L, 6L, 4L, 2L, 2L, 2L, 2L);
  }

  @Test
  void shouldExplainWhyTheTargetsCannotBeCalculated() {
    String base = "/api/funnel/targets?process=project-sales-funnel&orgUnit=" + enc(data.unit);
    // 2026-Q4: nothing won, so no measured deal size
    assertThat(as("manager1").get(base + "&period=2027-Q1&basis=measured&revenue=100000").status()).isEqualTo(422);
    assertThat(as("manager1").get(base + "&period=2027-Q3&basis=ideal&revenue=100000").status()).isEqualTo(404);
    assertThat(fields(as("manager1").get(base + "&period=2027-Q3&basis=measured"))).containsExactly("revenue");
    assertThat(fields(as("manager1").get(base + "&period=2027-Q1&basis=guess&revenue=1"))).containsExactly("basis");
    assertThat(fields(as("manager1").get(base + "&period=2027-Q1&revenue=-5"))).containsExactly("revenue");
    assertThat(as("manager1").get("/api/funnel/targets?process=project-sales-funnel&orgUnit=HQ/North&period=2027-Q1&revenue=5").status()).isEqualTo(403);
  }

  @Test
  void shouldExportTheTargetsWithARowPerRepAndStage() {
    planQ1("manager1");
    String csv = new String(csvBytes("/api/funnel/targets?process=project-sales-funnel&orgUnit=" + enc(data.unit) + "&period=2027-Q1&format=csv"),
        StandardCharsets.UTF_8);
    List<String> lines = csv.lines().toList();
    assertThat(lines).hasSize(1 + 7 + 2 * 7);
    assertThat(lines.get(1)).startsWith("(all),TARGET,").endsWith(",10,55,project-sales-funnel,entry");
    assertThat(lines.get(8)).startsWith("rep1,TARGET,").endsWith(",5,28,project-sales-funnel,entry");
  }

  // --- helpers ---

  JsonNode targets(String query) {
    ApiClient.Response r = as("manager1").get("/api/funnel/targets?process=project-sales-funnel&orgUnit=" + enc(data.unit) + query);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  byte[] csvBytes(String path) {
    ApiClient.Response r = as("manager1").get(path, "text/csv");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.body().replace("\uFEFF", "").getBytes(StandardCharsets.UTF_8);
  }

  static List<Long> needed(JsonNode stages) {
    List<Long> out = new ArrayList<>();
    stages.forEach(s -> out.add(s.path("needed").asLong()));
    return out;
  }

  static List<String> fields(ApiClient.Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    List<String> fields = new ArrayList<>();
    r.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
    return fields;
  }

  static void assertDelta(JsonNode comparison, String stage, double actual, double target, double delta) {
    for (JsonNode s : comparison.path("stages")) {
      if (s.path("stage").asText().equals(stage)) {
        assertThat(s.path("actualConversion").asDouble()).isCloseTo(actual, within(0.0001));
        assertThat(s.path("targetConversion").asDouble()).isCloseTo(target, within(0.0001));
        assertThat(s.path("delta").asDouble()).isCloseTo(delta, within(0.0001));
        return;
      }
    }
    throw new AssertionError("No stage " + stage);
  }
}

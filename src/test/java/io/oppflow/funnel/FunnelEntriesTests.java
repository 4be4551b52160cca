package io.oppflow.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;
import io.oppflow.support.Opportunities;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * GET /api/funnel/entries lists the stage entries behind a figure of GET /api/funnel: for every stage and figure,
 * as many as the figure counts, under the same filters, slice and access rules.
 */
@H2ServiceTest
class FunnelEntriesTests {

  private static final String PROCESS = "project-sales-funnel";
  private static final List<String> FIGURES = List.of("entered", "advanced", "lost", "open");

  @LocalServerPort int port;

  @Test
  void shouldListTheEntriesOfEachFigureAsManyAsItCounts() {
    String advanced = Opportunities.freshCode("ENTRY");
    String lost = Opportunities.freshCode("ENTRY");
    String open = Opportunities.freshCode("ENTRY");
    ApiClient rep1 = ApiClient.as(port, "rep1");
    rep1.post("/api/opportunities", Opportunities.qualified(advanced).toString());
    rep1.post("/api/opportunities/" + advanced + "/advance", null);
    rep1.post("/api/opportunities", Opportunities.minimal(lost).toString());
    rep1.post("/api/opportunities/" + lost + "/lose", "{\"reason\": \"COMPETITOR\", \"competitor\": \"Kingdee\"}");
    rep1.post("/api/opportunities", Opportunities.minimal(open).toString());

    ApiClient manager = ApiClient.as(port, "manager1");
    String filters = "process=" + PROCESS + "&owner=rep1";
    JsonNode funnel = manager.get("/api/funnel?" + filters).json().path("groups").path(0);
    for (JsonNode stage : funnel.path("stages")) {
      for (String figure : FIGURES) {
        JsonNode entries = manager.get("/api/funnel/entries?" + filters + "&stage=" + stage.path("stage").asText()
            + "&figure=" + figure + "&size=1").json();
        assertThat(entries.path("total").asLong()).as(stage.path("stage").asText() + " " + figure)
            .isEqualTo(stage.path(figure).asLong());
      }
    }

    assertThat(codes(manager, filters + "&stage=TARGET&figure=advanced")).contains(advanced).doesNotContain(lost, open);
    assertThat(codes(manager, filters + "&stage=TARGET&figure=lost")).contains(lost).doesNotContain(advanced, open);
    assertThat(codes(manager, filters + "&stage=TARGET&figure=open")).contains(open).doesNotContain(advanced, lost);
    assertThat(codes(manager, filters + "&stage=DISCOVER&figure=entered")).contains(advanced).doesNotContain(lost, open);
    assertThat(codes(manager, filters + "&stage=TARGET&figure=entered")).contains(advanced, lost, open);
  }

  @Test
  void shouldListOneSliceOfAGroupedFunnel() {
    String code = Opportunities.freshCode("ENTRY");
    ApiClient.as(port, "rep1").post("/api/opportunities", Opportunities.minimal(code).toString());
    ApiClient manager = ApiClient.as(port, "manager1");

    JsonNode report = manager.get("/api/funnel?process=" + PROCESS + "&groupBy=month").json();
    String thisMonth = YearMonth.now(ZoneOffset.UTC).toString();
    JsonNode target = stage(group(report, thisMonth), "TARGET");
    JsonNode entries = manager.get("/api/funnel/entries?process=" + PROCESS + "&groupBy=month&group=" + thisMonth
        + "&stage=TARGET&figure=entered&size=1000").json();
    assertThat(entries.path("total").asLong()).isEqualTo(target.path("entered").asLong());
    assertThat(entries.path("group").asText()).isEqualTo(thisMonth);
    assertThat(entries.path("content").findValuesAsText("code")).contains(code);
  }

  @Test
  void shouldKeepARepToTheirOwnEntries() {
    ApiClient rep1 = ApiClient.as(port, "rep1");
    assertThat(rep1.get("/api/funnel/entries?process=" + PROCESS + "&stage=TARGET&owner=rep2").status()).isEqualTo(403);
    JsonNode own = rep1.get("/api/funnel/entries?process=" + PROCESS + "&stage=TARGET&size=1000").json();
    assertThat(own.path("content").findValuesAsText("owner")).isNotEmpty().containsOnly("rep1");
  }

  @Test
  void shouldRefuseWhatItCannotListNamingTheParameter() {
    ApiClient manager = ApiClient.as(port, "manager1");
    String base = "/api/funnel/entries?process=" + PROCESS;
    assertProblem(manager.get(base + "&stage=TARGET&figure=won"), "figure");
    assertProblem(manager.get(base + "&stage=NOWHERE"), "stage");
    assertProblem(manager.get(base + "&stage=TARGET&groupBy=owner"), "group");
    assertProblem(manager.get(base + "&stage=TARGET&groupBy=quarter&group=2027-Q5"), "group");
    assertProblem(manager.get(base + "&stage=TARGET&size=0"), "size");
    assertProblem(manager.get(base + "&stage=TARGET&from=2027-02-01&to=2027-01-01"), "to");
  }

  @Test
  void shouldExportTheListAsCsv() {
    String code = Opportunities.freshCode("ENTRY");
    ApiClient.as(port, "rep1").post("/api/opportunities", Opportunities.minimal(code).toString());
    ApiClient.Response csv = ApiClient.as(port, "manager1")
        .get("/api/funnel/entries?process=" + PROCESS + "&stage=TARGET&figure=open&format=csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body().replace("\uFEFF", "")).startsWith("code,name,customer,owner,orgUnit,stage,enteredAt").contains(code);
  }

  private static void assertProblem(ApiClient.Response response, String field) {
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains(field);
  }

  private static List<String> codes(ApiClient client, String query) {
    JsonNode page = client.get("/api/funnel/entries?" + query + "&size=1000").json();
    return new ArrayList<>(page.path("content").findValuesAsText("code"));
  }

  private static JsonNode group(JsonNode report, String key) {
    for (JsonNode g : report.path("groups")) {
      if (g.path("key").asText().equals(key)) {
        return g;
      }
    }
    throw new AssertionError("No group " + key);
  }

  private static JsonNode stage(JsonNode group, String code) {
    for (JsonNode s : group.path("stages")) {
      if (s.path("stage").asText().equals(code)) {
        return s;
      }
    }
    throw new AssertionError("No stage " + code);
  }
}

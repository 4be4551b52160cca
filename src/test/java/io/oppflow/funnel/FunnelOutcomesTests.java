package io.oppflow.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.oppflow.forecast.ForecastDataSet;
import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * GET /api/funnel/outcomes lists the opportunities behind the won, lost and open totals of GET /api/funnel: for
 * every status and slice, as many as the total counts (and, for won, the won amount), under the same filters,
 * period, org unit and access rules. On the hand-made {@link FunnelDataSet}.
 */
@H2ServiceTest
class FunnelOutcomesTests {

  private static final String Q1 = "&from=2027-01-01&to=2027-04-01";
  private static final Map<String, String> FIGURE = Map.of("WON", "won", "LOST", "lost", "OPEN", "open");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  FunnelDataSet data;

  @BeforeEach
  void insertDataSet() {
    data = new FunnelDataSet(jdbc).insert();
  }

  @Test
  void shouldListAsManyAsEveryTotalOfEverySliceCounts() {
    ApiClient manager = ApiClient.as(port, "manager1");
    for (String slicing : List.of("", "&groupBy=owner", "&groupBy=quarter", "&groupBy=orgUnit")) {
      for (String unit : List.of(data.unit, data.teamA)) {
        for (String period : List.of(Q1, "&from=2027-01-15&to=2027-02-01", "")) {
          String filters = "process=" + FunnelDataSet.PROCESS + "&orgUnit=" + enc(unit) + period + slicing;
          JsonNode report = manager.get("/api/funnel?process=project-sales-funnel&" + filters).json();
          for (JsonNode group : report.path("groups")) {
            String slice = slicing.isEmpty() ? "" : "&group=" + enc(group.path("key").asText());
            for (String status : FIGURE.keySet()) {
              JsonNode list = manager.get("/api/funnel/outcomes?" + filters + slice + "&status=" + status + "&size=1000").json();
              String what = filters + slice + " " + status;
              assertThat(list.path("total").asLong()).as(what).isEqualTo(group.path(FIGURE.get(status)).asLong());
              assertThat(list.path("content").size()).as(what).isEqualTo(list.path("total").asInt());
              assertThat(list.path("content").findValuesAsText("status")).as(what).allMatch(status::equals);
              if (status.equals("WON")) {
                assertThat(list.path("amount").decimalValue()).as(what)
                    .isEqualByComparingTo(group.path("wonAmount").decimalValue());
              }
            }
          }
        }
      }
    }
  }

  @Test
  void shouldListTheOpportunitiesTheFunnelCountsInThePeriodAndSlice() {
    ApiClient manager = ApiClient.as(port, "manager1");
    String filters = "process=" + FunnelDataSet.PROCESS + "&orgUnit=" + enc(data.unit) + Q1;
    // O1 won on Mar 2; O2 and O5 lost in the quarter (newest close first); O3, O4 open, O6 created after it.
    assertThat(names(manager, filters + "&status=WON")).containsExactly("O1");
    assertThat(names(manager, filters + "&status=LOST")).containsExactly("O5", "O2");
    assertThat(names(manager, filters + "&status=OPEN")).containsExactly("O4", "O3");
    assertThat(names(manager, filters + "&groupBy=owner&group=rep2&status=OPEN")).containsExactly("O4", "O3");
    assertThat(names(manager, filters + "&groupBy=owner&group=rep1&status=OPEN")).isEmpty();
    assertThat(names(manager, "process=" + FunnelDataSet.PROCESS + "&orgUnit=" + enc(data.unit) + "&status=OPEN"))
        .containsExactlyInAnyOrder("O3", "O4", "O6");
    JsonNode won = manager.get("/api/funnel/outcomes?" + filters + "&status=WON").json();
    assertThat(won.path("amount").decimalValue()).isEqualByComparingTo(new BigDecimal("100000"));
    assertThat(won.path("content").path(0).path("closedAt").asText()).startsWith("2027-03-02");
  }

  /**
   * The back-test's "actual" of a past period is the amount of what was won in it: the won opportunities this list
   * gives for the period's days, process, org unit (and owner), so the forecast page's actual drills to them.
   */
  @Test
  void shouldListWhatTheBacktestCountsAsWonInEachPeriod() {
    ForecastDataSet forecast = new ForecastDataSet(jdbc);
    forecast.insert();
    ApiClient manager = ApiClient.as(port, "manager1");
    for (String owner : List.of("", "&owner=rep1")) {
      JsonNode backtest = manager.get("/api/forecast/backtest?process=project-sales-funnel&method=both&periods=6&period=2027-Q1&orgUnit="
          + enc(forecast.orgUnit) + owner).json();
      int won = 0;
      for (JsonNode row : backtest.path("rows")) {
        JsonNode list = manager.get("/api/funnel/outcomes?status=WON&process=" + backtest.path("process").asText()
            + "&from=" + row.path("start").asText() + "&to=" + row.path("end").asText() + "&orgUnit=" + enc(forecast.orgUnit)
            + owner + "&size=10000").json();
        assertThat(list.path("amount").decimalValue()).as(row.path("period").asText() + owner)
            .isEqualByComparingTo(row.path("actual").decimalValue());
        assertThat(list.path("content").size()).isEqualTo(list.path("total").asInt());
        won += list.path("total").asInt();
      }
      if (owner.isEmpty()) {
        assertThat(won).as("something was won in the periods tested").isPositive();
      }
    }
  }

  @Test
  void shouldKeepARepToTheirOwnAndRefuseWhatItCannotList() {
    ApiClient rep1 = ApiClient.as(port, "rep1");
    String base = "/api/funnel/outcomes?process=" + FunnelDataSet.PROCESS;
    assertThat(rep1.get(base + "&status=WON&owner=rep2").status()).isEqualTo(403);
    JsonNode own = rep1.get(base + "&status=OPEN&size=10000").json();
    assertThat(own.path("content").findValuesAsText("owner")).isNotEmpty().containsOnly("rep1");
    ApiClient manager = ApiClient.as(port, "manager1");
    assertProblem(manager.get(base + "&status=WHATEVER"), "status");
    assertProblem(manager.get(base + "&status=WON&groupBy=owner"), "group");
    assertProblem(manager.get(base + "&status=WON&groupBy=month&group=2027-13"), "group");
    assertProblem(manager.get(base + "&status=WON&size=10001"), "size");
    assertProblem(manager.get(base + "&status=WON&from=2027-02-01&to=2027-01-01"), "to");
  }

  @Test
  void shouldExportTheListAsCsvAndXlsx() {
    ApiClient manager = ApiClient.as(port, "manager1");
    String path = "/api/funnel/outcomes?process=" + FunnelDataSet.PROCESS + "&orgUnit=" + enc(data.unit) + Q1 + "&status=LOST";
    ApiClient.Response csv = manager.get(path + "&format=csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body().replace("\uFEFF", "")).startsWith("code,name,customer,owner,orgUnit,stage,status,amount")
        .contains("O2").contains("O5");
    ApiClient.Response xlsx = manager.get(path + "&format=xlsx");
    assertThat(xlsx.status()).isEqualTo(200);
  }

  private static List<String> names(ApiClient client, String query) {
    return client.get("/api/funnel/outcomes?" + query + "&size=1000").json().path("content").findValuesAsText("name");
  }

  private static void assertProblem(ApiClient.Response response, String field) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.body()).contains(field);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

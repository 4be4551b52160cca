package io.oppflow.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.oppflow.support.ApiClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The funnel metrics on a data set small enough to work out by hand ({@link FunnelDataSet}), on every
 * database we support. Period 2027-Q1 = [2027-01-01, 2027-04-01).
 */
abstract class FunnelMetricsContract {

  static final String Q1 = "&from=2027-01-01&to=2027-04-01";

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

  String unit() {
    return enc(data.unit);
  }

  JsonNode funnel(String user, String query) {
    ApiClient.Response r = as(user).get("/api/funnel?process=project-sales-funnel&orgUnit=" + unit() + query);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  @Test
  void shouldCountEntriesAndOutcomesPerStageInThePeriod() {
    JsonNode all = group(funnel("expert1", Q1), "all");
    // TARGET entered by O1, O2, O3 (advanced) and O4 (still there); O5 entered in 2026, O6 after the quarter.
    assertStage(all, "TARGET", 4, 3, 0, 1, 0.75);
    // DISCOVER: O1 and O3 advanced, O2 lost.
    assertStage(all, "DISCOVER", 3, 2, 1, 0, 0.6667);
    assertStage(all, "CONFIRM_INTENT", 2, 1, 0, 1, 0.5);
    assertStage(all, "INITIATE_PROJECT", 1, 1, 0, 0, 1.0);
    assertStage(all, "CLOSE", 1, 1, 0, 0, 1.0);
    assertThat(stage(all, "TARGET").path("name").path("zh").asText()).isNotBlank();
    assertThat(stage(all, "TARGET").path("name").path("en").asText()).isNotBlank();
  }

  @Test
  void shouldMeasureDwellOverTheIntervalsThatEnded() {
    JsonNode all = group(funnel("expert1", Q1), "all");
    // TARGET dwell of the ended intervals: 2, 4, 2 days (O4 is still in it): avg 8/3, median 2,
    // p90 (linear interpolation at position 0.9 × 2 = 1.8 of [2, 2, 4]) = 2 + 0.8 × 2 = 3.6.
    assertDwell(stage(all, "TARGET"), 8.0 / 3, 2.0, 3.6);
    // DISCOVER: 4, 6 (lost), 6: avg 16/3, median 6, p90 6.
    assertDwell(stage(all, "DISCOVER"), 16.0 / 3, 6.0, 6.0);
    // CLOSE: Feb 16 → Mar 2 = 14 days.
    assertDwell(stage(all, "CLOSE"), 14.0, 14.0, 14.0);
    assertThat(stage(all, "NEGOTIATE").path("medianDwellDays").asDouble()).isCloseTo(10.0, within(0.001));
  }

  @Test
  void shouldComputeWinRateCycleAndWeightedPipeline() {
    JsonNode all = group(funnel("expert1", Q1), "all");
    // Won in Q1: O1 (Mar 2). Lost in Q1: O2 (Jan 11) and O5 (Jan 21, though it entered its stages in 2026).
    assertThat(all.path("won").asLong()).isEqualTo(1);
    assertThat(all.path("lost").asLong()).isEqualTo(2);
    assertThat(all.path("winRate").asDouble()).isCloseTo(1.0 / 3, within(0.0001));
    // O1: Jan 1 → Mar 2 = 31 + 28 + 1 = 60 days.
    assertThat(all.path("avgCycleDaysWon").asDouble()).isCloseTo(60.0, within(0.0001));
    // Open: O3 at CONFIRM_INTENT (p 0.20) and O4 at TARGET (p 0.05); O6 opened after the period's end.
    assertThat(all.path("open").asLong()).isEqualTo(2);
    assertThat(all.path("weightedPipeline").decimalValue()).isEqualByComparingTo("44000"); // 200000×0.2 + 80000×0.05
  }

  @Test
  void shouldDescribeTheShapeBySlopePerStage() {
    JsonNode slope = funnel("expert1", Q1).path("shape").path("slope");
    assertThat(slope.path("TARGET").asDouble()).isCloseTo(0.25, within(0.0001)); // 1 − 3/4
    assertThat(slope.path("DISCOVER").asDouble()).isCloseTo(1.0 / 3, within(0.0001)); // 1 − 2/3
    assertThat(slope.path("CONFIRM_INTENT").asDouble()).isCloseTo(0.5, within(0.0001)); // 1 − 1/2
    assertThat(slope.path("CLOSE").asDouble()).isCloseTo(0.0, within(0.0001)); // 1 − won 1 / entered 1
  }

  @Test
  void shouldSliceByOwner() {
    JsonNode report = funnel("expert1", Q1 + "&groupBy=owner");
    assertThat(keys(report)).containsExactly("rep1", "rep2");
    JsonNode rep1 = group(report, "rep1");
    assertStage(rep1, "TARGET", 2, 2, 0, 0, 1.0);
    assertDwell(stage(rep1, "TARGET"), 3.0, 3.0, 3.8); // 2 and 4 days: p90 = 2 + 0.9 × 2
    assertStage(rep1, "DISCOVER", 2, 1, 1, 0, 0.5);
    assertThat(rep1.path("won").asLong()).isEqualTo(1);
    assertThat(rep1.path("lost").asLong()).isEqualTo(2);
    JsonNode rep2 = group(report, "rep2");
    assertStage(rep2, "TARGET", 2, 1, 0, 1, 0.5);
    assertThat(rep2.path("winRate").isMissingNode() || rep2.path("winRate").isNull()).isTrue();
    assertThat(rep2.path("weightedPipeline").decimalValue()).isEqualByComparingTo("44000");
  }

  @Test
  void shouldSliceByMonthDatingEachEventByItsOwnDate() {
    JsonNode report = funnel("expert1", Q1 + "&groupBy=month");
    assertThat(keys(report)).containsExactly("2027-01", "2027-02", "2027-03");
    JsonNode jan = group(report, "2027-01");
    assertThat(stage(jan, "TARGET").path("entered").asLong()).isEqualTo(4);
    assertThat(stage(jan, "NEGOTIATE").path("entered").asLong()).isZero();
    assertThat(jan.path("lost").asLong()).isEqualTo(2);
    assertThat(jan.path("open").asLong()).isEqualTo(2);
    JsonNode feb = group(report, "2027-02");
    assertThat(stage(feb, "NEGOTIATE").path("entered").asLong()).isEqualTo(1);
    assertThat(stage(feb, "CLOSE").path("entered").asLong()).isEqualTo(1);
    assertThat(group(report, "2027-03").path("won").asLong()).isEqualTo(1);
  }

  @Test
  void shouldSliceByOrgUnitAndQuarterAndFilterByProjectType() {
    assertThat(keys(funnel("expert1", Q1 + "&groupBy=orgUnit"))).containsExactly(data.teamA, data.teamB);
    assertThat(keys(funnel("expert1", Q1 + "&groupBy=quarter"))).containsExactly("2027-Q1");
    JsonNode large = group(funnel("expert1", Q1 + "&projectType=LARGE"), "all"); // O1 and O3
    assertStage(large, "TARGET", 2, 2, 0, 0, 1.0);
    assertThat(large.path("winRate").asDouble()).isEqualTo(1.0);
    assertThat(large.path("weightedPipeline").decimalValue()).isEqualByComparingTo("40000");
  }

  @Test
  void shouldCountEverythingWithoutAPeriod() {
    JsonNode all = group(funnel("expert1", ""), "all");
    // Adds O5's TARGET (Dec 2026) and O6's TARGET (Apr 2027, still open) to the quarter's four.
    assertStage(all, "TARGET", 6, 4, 0, 2, 0.6667);
    assertThat(all.path("open").asLong()).isEqualTo(3);
  }

  @Test
  void shouldShowARepOnlyTheirOwnFunnel() {
    JsonNode mine = group(funnel("rep1", Q1), "all");
    assertStage(mine, "TARGET", 2, 2, 0, 0, 1.0);
    assertThat(as("rep1").get("/api/funnel?process=project-sales-funnel&owner=rep2").status()).isEqualTo(403);
  }

  @Test
  void shouldShowAManagerTheirOrgUnitSubtreeOnly() {
    assertStage(group(funnel("manager1", Q1), "all"), "TARGET", 4, 3, 0, 1, 0.75);
    assertThat(as("manager1").get("/api/funnel?process=project-sales-funnel&orgUnit=HQ/North").status()).isEqualTo(403);
    assertThat(ApiClient.anonymous(port).get("/api/funnel").status()).isEqualTo(401);
  }

  @Test
  void shouldRejectBadParametersNamingThem() {
    assertBadRequest("/api/funnel?process=project-sales-funnel&groupBy=colour", "groupBy");
    assertBadRequest("/api/funnel?process=project-sales-funnel&from=2027-13-01", "from");
    assertBadRequest("/api/funnel?process=project-sales-funnel&from=2027-02-01&to=2027-01-01", "to");
    assertBadRequest("/api/funnel?process=project-sales-funnel&projectType=HUGE", "projectType");
    assertBadRequest("/api/funnel?process=project-sales-funnel&orgUnit=" + enc("HQ//East"), "orgUnit");
    assertBadRequest("/api/funnel?process=no-such-process", "process");
    assertBadRequest("/api/funnel?process=project-sales-funnel&format=pdf", "format");
  }

  @Test
  void shouldExportTheFunnelAsCsvAndXlsx() throws IOException {
    String query = "/api/funnel?process=project-sales-funnel&orgUnit=" + unit() + Q1;
    String csv = new String(bytes("expert1", query + "&format=csv"), StandardCharsets.UTF_8).replace("\uFEFF", "");
    List<String[]> rows = csv.lines().map(l -> l.split(",", -1)).toList();
    List<String> header = List.of(rows.get(0));
    assertThat(rows).hasSize(1 + 7);
    String[] target = rows.stream().filter(r -> r[1].equals("TARGET")).findFirst().orElseThrow();
    assertThat(target[header.indexOf("group")]).isEqualTo("all");
    assertThat(target[header.indexOf("entered")]).isEqualTo("4");
    assertThat(new java.math.BigDecimal(target[header.indexOf("conversionRate")])).isEqualByComparingTo("0.75");
    assertThat(new java.math.BigDecimal(target[header.indexOf("groupWeightedPipeline")])).isEqualByComparingTo("44000");

    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes("expert1", query + "&format=xlsx")))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getLastRowNum()).isEqualTo(7);
      assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("TARGET");
      assertThat(sheet.getRow(1).getCell(header.indexOf("entered")).getNumericCellValue()).isEqualTo(4.0);
      assertThat(sheet.getRow(2).getCell(header.indexOf("lost")).getNumericCellValue()).isEqualTo(1.0);
    }
  }

  // --- helpers ---

  void assertBadRequest(String path, String field) {
    ApiClient.Response r = as("expert1").get(path);
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    List<String> fields = new ArrayList<>();
    r.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
    assertThat(fields).as(r.toString()).contains(field);
  }

  byte[] bytes(String user, String path) {
    return as(user).getBytes(path, "*/*");
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static List<String> keys(JsonNode report) {
    List<String> keys = new ArrayList<>();
    report.path("groups").forEach(g -> keys.add(g.path("key").asText()));
    return keys;
  }

  static JsonNode group(JsonNode report, String key) {
    for (JsonNode g : report.path("groups")) {
      if (g.path("key").asText().equals(key)) {
        return g;
      }
    }
    throw new AssertionError("No group " + key + " in " + report);
  }

  static JsonNode stage(JsonNode group, String code) {
    for (JsonNode s : group.path("stages")) {
      if (s.path("stage").asText().equals(code)) {
        return s;
      }
    }
    throw new AssertionError("No stage " + code + " in " + group);
  }

  static void assertStage(JsonNode group, String code, long entered, long advanced, long lost, long open, double conversion) {
    JsonNode s = stage(group, code);
    assertThat(s.path("entered").asLong()).as(code + " entered").isEqualTo(entered);
    assertThat(s.path("advanced").asLong()).as(code + " advanced").isEqualTo(advanced);
    assertThat(s.path("lost").asLong()).as(code + " lost").isEqualTo(lost);
    assertThat(s.path("open").asLong()).as(code + " open").isEqualTo(open);
    assertThat(s.path("conversionRate").asDouble()).as(code + " conversion").isCloseTo(conversion, within(0.0001));
  }

  static void assertDwell(JsonNode stage, double avg, double median, double p90) {
    assertThat(stage.path("avgDwellDays").asDouble()).isCloseTo(avg, within(0.0001));
    assertThat(stage.path("medianDwellDays").asDouble()).isCloseTo(median, within(0.0001));
    assertThat(stage.path("p90DwellDays").asDouble()).isCloseTo(p90, within(0.0001));
  }
}

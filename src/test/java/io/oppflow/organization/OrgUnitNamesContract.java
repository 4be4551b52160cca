package io.oppflow.organization;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.oppflow.support.ApiClient;
import io.oppflow.support.Opportunities;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.UriUtils;

/**
 * Org units named as people name their teams, through the API on every database we support: stored as given
 * (each segment trimmed), shown unchanged in every reading and export, and "HQ/…/East" never covering
 * "HQ/…/East Coast". Each test works under a fresh unit below HQ/East (manager1's), so no other test's data
 * falls in it.
 */
abstract class OrgUnitNamesContract {

  static final String PROCESS = "project-sales-funnel";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;

  String base;
  String east;
  String eastCoast;
  String shanghai;
  String obrien;
  String chinese;

  @BeforeEach
  void units() {
    base = "HQ/East/OU" + UUID.randomUUID().toString().substring(0, 8);
    east = base + "/East";
    eastCoast = base + "/East Coast";
    shanghai = east + "/Shanghai 1";
    obrien = base + "/O'Brien & Co.";
    chinese = base + "/华东/上海一部";
  }

  @Test
  void shouldKeepUnitsNamedAsPeopleNameThemApartInEveryFilter() {
    String inEast = open(east);
    String inShanghai = open(shanghai);
    String coast1 = open(" " + base + " / East Coast ");
    String coast2 = open(eastCoast);
    String inObrien = open(obrien);
    String inChinese = open(chinese);

    assertThat(as("ops1").get("/api/opportunities/" + coast1).json().path("orgUnit").asText())
        .as("stored with each segment trimmed").isEqualTo(eastCoast);
    assertThat(as("ops1").get("/api/opportunities/" + inObrien).json().path("orgUnit").asText()).isEqualTo(obrien);
    assertThat(as("ops1").get("/api/opportunities/" + inChinese).json().path("orgUnit").asText()).isEqualTo(chinese);

    // Each is in TARGET: entered once. East covers itself and Shanghai 1, not East Coast.
    assertThat(enteredTarget("manager1", east)).isEqualTo(2);
    assertThat(enteredTarget("manager1", eastCoast)).isEqualTo(2);
    assertThat(enteredTarget("manager1", obrien)).isEqualTo(1);
    assertThat(enteredTarget("manager1", base + "/O'Brien")).as("a namesake's prefix is no unit").isZero();
    assertThat(enteredTarget("manager1", chinese)).isEqualTo(1);
    assertThat(enteredTarget("manager1", base + "/华东")).isEqualTo(1);
    assertThat(enteredTarget("manager1", base)).isEqualTo(6);
    assertThat(keys(as("manager1").get("/api/funnel?process=" + PROCESS + "&groupBy=orgUnit&orgUnit=" + q(base)).json()))
        .containsExactlyInAnyOrder(east, shanghai, eastCoast, obrien, chinese);

    // A stage skipped by a process-instance modification: a warning and a compliance violation of each unit.
    skipAStage(inEast);
    skipAStage(coast1);
    assertThat(codes(as("manager1").get("/api/warnings?orgUnit=" + q(east)).json(), "warnings", "opportunity"))
        .containsExactly(inEast);
    assertThat(codes(as("manager1").get("/api/warnings?orgUnit=" + q(eastCoast)).json(), "warnings", "opportunity"))
        .containsExactly(coast1);
    assertThat(codes(as("manager1").get("/api/compliance/violations?orgUnit=" + q(east)).json(), "violations",
        "opportunityCode")).containsExactly(inEast);
    assertThat(codes(as("manager1").get("/api/compliance/violations?orgUnit=" + q(eastCoast)).json(), "violations",
        "opportunityCode")).containsExactly(coast1);
    String warnings = new String(as("manager1").getBytes("/api/warnings?format=csv&orgUnit=" + q(eastCoast), "*/*"),
        StandardCharsets.UTF_8).replace("\uFEFF", "");
    List<String> header = List.of(warnings.lines().findFirst().orElseThrow().split(","));
    assertThat(warnings.lines().skip(1).map(l -> l.split(",", -1)[header.indexOf("org_unit")]))
        .as(warnings).containsExactly(eastCoast);
    assertThat(List.of(inShanghai, coast2)).doesNotContainNull();
  }

  @Test
  void shouldExportUnitsUnchangedAsCsvAndXlsx() throws IOException {
    open(eastCoast);
    open(obrien);
    open(chinese);
    String query = "/api/funnel?process=" + PROCESS + "&groupBy=orgUnit&orgUnit=" + q(base);

    String csv = new String(as("manager1").getBytes(query + "&format=csv", "*/*"), StandardCharsets.UTF_8);
    List<String> groups = csv.replace("\uFEFF", "").lines().skip(1).map(l -> l.split(",", -1)[0]).distinct().toList();
    assertThat(groups).containsExactlyInAnyOrder(eastCoast, obrien, chinese);

    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(as("manager1").getBytes(query + "&format=xlsx", "*/*")))) {
      Sheet sheet = book.getSheetAt(0);
      List<String> cells = new ArrayList<>();
      for (Row row : sheet) {
        if (row.getRowNum() > 0) {
          cells.add(row.getCell(0).getStringCellValue());
        }
      }
      assertThat(cells.stream().distinct()).containsExactlyInAnyOrder(eastCoast, obrien, chinese);
    }
  }

  @Test
  void shouldPlanAnIdealFunnelForAUnitWithSpacesAndPunctuationInItsPath() {
    String unit = base + "/O'Brien & Co. East";
    String path = "/api/ideal-funnels/" + segments(unit) + "/2027-Q1";
    String ideal = """
        {"process": "project-sales-funnel", "stages": [
          {"stage": "TARGET", "targetConversion": 0.8}, {"stage": "DISCOVER", "targetConversion": 0.5},
          {"stage": "CONFIRM_INTENT", "targetConversion": 0.7}, {"stage": "INITIATE_PROJECT", "targetConversion": 0.9},
          {"stage": "WIN_RECOGNITION", "targetConversion": 0.9}, {"stage": "NEGOTIATE", "targetConversion": 0.9},
          {"stage": "CLOSE", "targetConversion": 0.9}], "targetRevenue": 1000000, "averageDealSize": 100000}
        """;

    ApiClient.Response planned = as("manager1").put(path, ideal);

    assertThat(planned.status()).as(planned.toString()).isEqualTo(200);
    assertThat(planned.json().path("orgUnit").asText()).isEqualTo(unit);
    assertThat(as("manager1").get(path + "?process=" + PROCESS).json().path("orgUnit").asText()).isEqualTo(unit);
    JsonNode compared = as("manager1").get("/api/funnel/compare?process=" + PROCESS + "&period=2027-Q1&orgUnit=" + q(unit)).json();
    assertThat(compared.path("orgUnit").asText()).as(compared.toString()).isEqualTo(unit);
  }

  @Test
  void shouldPlaceAUserInAUnitNamedInChineseWithEachSegmentTrimmed() {
    String user = "ou-" + UUID.randomUUID().toString().substring(0, 8);

    ApiClient.Response placed = as("ops1").put("/api/org-units/members/" + user,
        "{\"orgUnit\": \" 总部 / 华东 / 上海一部 \"}");

    assertThat(placed.status()).as(placed.toString()).isEqualTo(200);
    assertThat(placed.json().path("orgUnit").asText()).isEqualTo("总部/华东/上海一部");
    assertThat(as("ops1").get("/api/org-units/members/" + user).json().path("orgUnit").asText()).isEqualTo("总部/华东/上海一部");
  }

  @Test
  void shouldRefuseMalformedUnitsNamingTheOrgUnitAtEveryDoor() {
    for (String bad : List.of("HQ//East", "/HQ/East", "HQ/East/", "HQ/East\u0001Coast", "HQ/East\tCoast", "HQ/" + "x".repeat(198))) {
      String body = Opportunities.minimal(Opportunities.freshCode("OUBAD")).put("process", PROCESS).put("orgUnit", bad).toString();
      assertRefused(as("ops1").post("/api/opportunities", body), bad);
      assertRefused(as("ops1").put("/api/org-units/members/ou-bad", "{\"orgUnit\": " + json(bad) + "}"), bad);
      for (String reading : List.of("/api/funnel?process=" + PROCESS + "&", "/api/warnings?", "/api/compliance/violations?",
          "/api/forecast?period=2027-Q1&process=" + PROCESS + "&", "/api/funnel/compare?process=" + PROCESS + "&period=2027-Q1&")) {
        assertRefused(as("ops1").get(reading + "orgUnit=" + q(bad)), reading + bad);
      }
    }
  }

  // --- helpers ---

  ApiClient as(String user) {
    return ApiClient.as(port, user);
  }

  String open(String orgUnit) {
    String code = Opportunities.freshCode("OU");
    ApiClient.Response r = as("ops1").post("/api/opportunities",
        Opportunities.minimal(code).put("process", PROCESS).put("orgUnit", orgUnit).toString());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return code;
  }

  long enteredTarget(String user, String orgUnit) {
    JsonNode report = as(user).get("/api/funnel?process=" + PROCESS + "&orgUnit=" + q(orgUnit)).json();
    for (JsonNode s : report.path("groups").path(0).path("stages")) {
      if (s.path("stage").asText().equals("TARGET")) {
        return s.path("entered").asLong();
      }
    }
    throw new AssertionError("No TARGET in " + report);
  }

  void skipAStage(String code) {
    String instance = as("ops1").get("/api/opportunities/" + code).json().path("processInstanceId").asText();
    runtime.createProcessInstanceModification(instance).startBeforeActivity("Stage_CONFIRM_INTENT").execute(true, true);
  }

  static void assertRefused(ApiClient.Response r, String what) {
    assertThat(r.status()).as(what + ": " + r).isEqualTo(400);
    List<String> fields = new ArrayList<>();
    r.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
    assertThat(fields).as(what + ": " + r).containsExactly("orgUnit");
  }

  static List<String> keys(JsonNode report) {
    List<String> keys = new ArrayList<>();
    report.path("groups").forEach(g -> keys.add(g.path("key").asText()));
    return keys;
  }

  static List<String> codes(JsonNode list, String items, String field) {
    List<String> codes = new ArrayList<>();
    list.path(items).forEach(i -> codes.add(i.path(field).asText()));
    return codes;
  }

  /** A query parameter's value: space as '+', '&', '+' and quotes encoded, as a browser's form sends it. */
  static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The unit in a path, its slashes kept and each segment encoded as the compare page does. */
  static String segments(String unit) {
    return String.join("/", java.util.Arrays.stream(unit.split("/")).map(s -> UriUtils.encodePathSegment(s, StandardCharsets.UTF_8)).toList());
  }

  static String json(String s) {
    return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(s).toString();
  }
}

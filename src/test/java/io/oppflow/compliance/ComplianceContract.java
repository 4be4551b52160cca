package io.oppflow.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The compliance audit on a data set made through the real API and engine, under a fresh org unit below
 * HQ/East (manager1 manages it; no other test's data falls in it), on every database we support:
 * <ul>
 *   <li>A (team A): qualified, TARGET and DISCOVER gates pass, now in CONFIRM_INTENT;</li>
 *   <li>B (team A): TARGET gate fails on TARGET-01, rep1 asks for an exception, manager1 approves it, B enters
 *       DISCOVER; then B is lost;</li>
 *   <li>C (team B): TARGET gate fails on TARGET-01; the administrator moves C to DISCOVER with the engine
 *       REST API's process-instance modification: a bypass.</li>
 * </ul>
 */
abstract class ComplianceContract {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  String unit;
  String teamA;
  String teamB;
  String a;
  String b;
  String c;
  String cInstance;

  /** The administrator on this profile. */
  abstract ApiClient admin();

  /** Changes a stored gate record behind the application's back, as someone with database rights would. */
  abstract void tamper(long gateRecordId, String failuresJson);

  ApiClient as(String user) {
    return ApiClient.as(port, user);
  }

  @BeforeEach
  void makeDataSet() {
    unit = "HQ/East/CA" + UUID.randomUUID().toString().substring(0, 8);
    teamA = unit + "/A";
    teamB = unit + "/B";
    a = open(Opportunities.qualified(Opportunities.freshCode("CA")).put("orgUnit", teamA).put("owner", "rep1"));
    assertThat(advance(a)).isEqualTo("PASSED");
    assertThat(advance(a)).isEqualTo("PASSED");

    b = open(Opportunities.minimal(Opportunities.freshCode("CB")).put("orgUnit", teamA));
    assertThat(advance(b)).isEqualTo("FAILED");
    ApiClient.Response asked = as("rep1").post("/api/opportunities/" + b + "/exceptions",
        "{\"reason\": \"集团战略客户 / strategic group account\"}");
    assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
    ApiClient.Response approved = as("manager1").post("/api/exceptions/" + asked.json().path("id").asLong() + "/approve",
        "{\"reason\": \"approved for the Q1 push\"}");
    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    ApiClient.Response lost = as("rep1").post("/api/opportunities/" + b + "/lose",
        "{\"reason\": \"COMPETITOR\", \"competitor\": \"Rival\"}");
    assertThat(lost.status()).as(lost.toString()).isBetween(200, 204);

    c = open(Opportunities.minimal(Opportunities.freshCode("CC")).put("orgUnit", teamB));
    assertThat(advance(c)).isEqualTo("FAILED");
    cInstance = as("rep1").get("/api/opportunities/" + c).json().path("processInstanceId").asText();
    ApiClient.Response moved = admin().post("/engine-rest/process-instance/" + cInstance + "/modification", """
        {"instructions": [
           {"type": "cancel", "activityId": "Stage_TARGET"},
           {"type": "startBeforeActivity", "activityId": "Stage_DISCOVER"}],
         "annotation": "moved by hand"}""");
    assertThat(moved.status()).as(moved.toString()).isEqualTo(204);
  }

  /** Opens rep1's opportunity in a team of the data set; sales-ops do, a rep opens only in their own team. */
  private String open(com.fasterxml.jackson.databind.node.ObjectNode body) {
    ApiClient.Response r = as("ops1").post("/api/opportunities", body.put("owner", "rep1").toString());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return body.path("code").asText();
  }

  private String advance(String code) {
    ApiClient.Response r = as("rep1").post("/api/opportunities/" + code + "/advance", null);
    assertThat(r.status()).as(r.toString()).isLessThan(300);
    return r.json().path("verdict").asText();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  JsonNode get(String user, String path) {
    ApiClient.Response r = as(user).get(path);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  @Test
  void shouldReportExactlyTheEntryMadeByTheEngineModificationAndNotTheNormalAdvanceOrTheApprovedException() {
    JsonNode list = get("manager1", "/api/compliance/violations?orgUnit=" + enc(unit));

    assertThat(list.path("count").asLong()).isEqualTo(1);
    JsonNode v = list.path("violations").get(0);
    assertThat(v.path("opportunityCode").asText()).isEqualTo(c);
    assertThat(v.path("processInstanceId").asText()).isEqualTo(cInstance);
    assertThat(v.path("stage").asText()).isEqualTo("DISCOVER");
    assertThat(v.path("previousStage").asText()).isEqualTo("TARGET");
    assertThat(v.path("kind").asText()).isEqualTo("NOT_PASSED");
    assertThat(v.path("orgUnit").asText()).isEqualTo(teamB);
    assertThat(v.path("explanation").path("zh").asText()).contains("阶段门");
    assertThat(v.path("explanation").path("en").asText()).contains("gate had neither passed nor been excepted");
    assertThat(v.path("operation").path("type").asText()).isEqualTo("ModifyProcessInstance");
    assertThat(v.path("operation").path("userId").asText()).isEqualTo("admin");
    assertThat(v.path("enteredAt").asText()).isNotBlank();
  }

  @Test
  void shouldReportAStageEnteredWithoutEverVisitingTheStageBeforeAsSkipped() {
    ApiClient.Response moved = admin().post("/engine-rest/process-instance/" + cInstance + "/modification", """
        {"instructions": [
           {"type": "cancel", "activityId": "Stage_DISCOVER"},
           {"type": "startBeforeActivity", "activityId": "Stage_INITIATE_PROJECT"}]}""");
    assertThat(moved.status()).as(moved.toString()).isEqualTo(204);

    JsonNode list = get("ops1", "/api/compliance/violations?orgUnit=" + enc(unit));

    assertThat(list.path("violations").findValuesAsText("stage")).containsExactly("DISCOVER", "INITIATE_PROJECT");
    JsonNode skipped = list.path("violations").get(1);
    assertThat(skipped.path("kind").asText()).isEqualTo("SKIPPED");
    assertThat(skipped.path("previousStage").isMissingNode() || skipped.path("previousStage").isNull()).isTrue();
  }

  @Test
  void shouldReportAStageEntryMadeByAProcessInstanceMigration() {
    String d = open(Opportunities.minimal(Opportunities.freshCode("CD")).put("orgUnit", teamB));
    assertThat(advance(d)).isEqualTo("FAILED");
    String instance = as("rep1").get("/api/opportunities/" + d).json().path("processInstanceId").asText();
    String definition = admin().get("/engine-rest/process-instance/" + instance).json().path("definitionId").asText();
    ApiClient.Response migrated = admin().post("/engine-rest/migration/execute", """
        {"migrationPlan": {"sourceProcessDefinitionId": "%1$s", "targetProcessDefinitionId": "%1$s",
           "instructions": [
             {"sourceActivityIds": ["Stage_TARGET"], "targetActivityIds": ["Stage_DISCOVER"]},
             {"sourceActivityIds": ["Task_TARGET"], "targetActivityIds": ["Task_DISCOVER"]}]},
         "processInstanceIds": ["%2$s"]}""".formatted(definition, instance));
    assertThat(migrated.status()).as(migrated.toString()).isEqualTo(204);

    JsonNode list = get("ops1", "/api/compliance/violations?orgUnit=" + enc(unit));

    assertThat(list.path("violations").findValuesAsText("opportunityCode")).containsExactly(c, d);
    JsonNode v = list.path("violations").get(1);
    assertThat(v.path("stage").asText()).isEqualTo("DISCOVER");
    assertThat(v.path("kind").asText()).isEqualTo("NOT_PASSED");
    assertThat(v.path("operation").path("type").asText()).isEqualTo("Migrate");
    assertThat(v.path("operation").path("userId").asText()).isEqualTo("admin");
  }

  @Test
  void shouldFilterViolationsByPeriod() {
    assertThat(get("ops1", "/api/compliance/violations?orgUnit=" + enc(unit) + "&from=2000-01-01&to=2000-02-01")
        .path("count").asLong()).isZero();
    assertThat(get("ops1", "/api/compliance/violations?orgUnit=" + enc(unit) + "&from=2000-01-01&to=2999-01-01")
        .path("count").asLong()).isEqualTo(1);
  }

  @Test
  void shouldReportPerOrgUnitTheEvaluationsPassRateFailuresExceptionsAndViolations() {
    JsonNode report = get("manager1", "/api/compliance/report?groupBy=orgUnit&orgUnit=" + enc(unit));

    // A: 2 PASSED; B: 1 FAILED + 1 OVERRIDDEN; C: 1 FAILED.
    assertThat(report.path("totals").path("evaluations").asLong()).isEqualTo(4);
    assertThat(report.path("totals").path("passed").asLong()).isEqualTo(2);
    assertThat(report.path("totals").path("failed").asLong()).isEqualTo(2);
    assertThat(report.path("totals").path("passRate").asDouble()).isCloseTo(0.5, within(1e-9));
    assertThat(report.path("totals").path("exceptions").asLong()).isEqualTo(1);
    assertThat(report.path("totals").path("violations").asLong()).isEqualTo(1);
    assertThat(report.path("groups").findValuesAsText("key")).containsExactly(teamA, teamB);

    JsonNode teamAGroup = report.path("groups").get(0);
    // team A: 3 evaluations (A passed twice, B failed once), 2 passed.
    assertThat(teamAGroup.path("evaluations").asLong()).isEqualTo(3);
    assertThat(teamAGroup.path("passed").asLong()).isEqualTo(2);
    assertThat(teamAGroup.path("failed").asLong()).isEqualTo(1);
    assertThat(teamAGroup.path("passRate").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(teamAGroup.path("failuresByCriterion").findValuesAsText("criterion")).containsExactly("TARGET-01");
    assertThat(teamAGroup.path("failuresByCriterion").get(0).path("failures").asLong()).isEqualTo(1);
    assertThat(teamAGroup.path("exceptions").path("count").asLong()).isEqualTo(1);
    assertThat(teamAGroup.path("exceptions").path("byApprover").get(0).path("approver").asText()).isEqualTo("manager1");
    assertThat(teamAGroup.path("exceptions").path("byApprover").get(0).path("count").asLong()).isEqualTo(1);
    assertThat(teamAGroup.path("exceptions").path("reasons").get(0).path("reason").asText()).isEqualTo("approved for the Q1 push");
    assertThat(teamAGroup.path("violations").asLong()).isZero();

    JsonNode teamBGroup = report.path("groups").get(1);
    assertThat(teamBGroup.path("evaluations").asLong()).isEqualTo(1);
    assertThat(teamBGroup.path("passRate").asDouble()).isZero();
    assertThat(teamBGroup.path("exceptions").path("count").asLong()).isZero();
    assertThat(teamBGroup.path("violations").asLong()).isEqualTo(1);
  }

  @Test
  void shouldReportPerRepForThePerformanceReview() {
    JsonNode report = get("ops1", "/api/compliance/report?groupBy=owner&orgUnit=" + enc(unit));

    assertThat(report.path("groups").findValuesAsText("key")).containsExactly("rep1");
    JsonNode rep1 = report.path("groups").get(0);
    assertThat(rep1.path("evaluations").asLong()).isEqualTo(4);
    assertThat(rep1.path("passRate").asDouble()).isCloseTo(0.5, within(1e-9));
    assertThat(rep1.path("failuresByCriterion").get(0).path("failures").asLong()).isEqualTo(2);
    assertThat(rep1.path("exceptions").path("count").asLong()).isEqualTo(1);
    assertThat(rep1.path("violations").asLong()).isEqualTo(1);
  }

  @Test
  void shouldReportPerCriterionHowOftenItsGateFailedOnIt() {
    JsonNode report = get("ops1", "/api/compliance/report?groupBy=criterion&orgUnit=" + enc(unit));

    assertThat(report.path("groups").findValuesAsText("key")).containsExactly("TARGET-01");
    JsonNode target01 = report.path("groups").get(0);
    // the TARGET gate was asked 3 times (A passed, B and C failed on TARGET-01); B's failure was excepted.
    assertThat(target01.path("stage").asText()).isEqualTo("TARGET");
    assertThat(target01.path("evaluations").asLong()).isEqualTo(3);
    assertThat(target01.path("failed").asLong()).isEqualTo(2);
    assertThat(target01.path("passRate").asDouble()).isCloseTo(1.0 / 3, within(1e-9));
    assertThat(target01.path("exceptions").path("count").asLong()).isEqualTo(1);
    assertThat(target01.path("name").path("zh").asText()).isNotBlank();
    assertThat(target01.path("name").path("en").asText()).isNotBlank();
  }

  @Test
  void shouldReviewEveryExceptionWithItsCriteriaPeopleReasonsAndTheOpportunitysFate() {
    JsonNode review = get("manager1", "/api/compliance/exceptions?orgUnit=" + enc(unit));

    assertThat(review.path("summary").path("count").asLong()).isEqualTo(1);
    assertThat(review.path("summary").path("lost").asLong()).isEqualTo(1);
    assertThat(review.path("summary").path("winRate").asDouble()).isZero();
    JsonNode e = review.path("exceptions").get(0);
    assertThat(e.path("opportunityCode").asText()).isEqualTo(b);
    assertThat(e.path("stage").asText()).isEqualTo("TARGET");
    assertThat(e.path("failedCriteria").findValuesAsText("code")).containsExactly("TARGET-01");
    assertThat(e.path("requestedBy").asText()).isEqualTo("rep1");
    assertThat(e.path("requestReason").asText()).isEqualTo("集团战略客户 / strategic group account");
    assertThat(e.path("approvedBy").asText()).isEqualTo("manager1");
    assertThat(e.path("approvalReason").asText()).isEqualTo("approved for the Q1 push");
    assertThat(e.path("outcome").asText()).isEqualTo("LOST");
    assertThat(e.path("requestedAt").asText()).isNotBlank();
  }

  @Test
  void shouldExportTheReportAndTheViolationsAsCsvAndXlsx() throws IOException {
    ApiClient.Response csv = as("ops1").get("/api/compliance/report?groupBy=orgUnit&format=csv&orgUnit=" + enc(unit));
    assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
    List<String> lines = csv.body().replace("\uFEFF", "").lines().filter(l -> !l.isBlank()).toList();
    assertThat(lines.get(0)).startsWith("orgUnit,process,stage,");
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1)).startsWith(teamA + ",").contains(",3,2,1,").contains("TARGET-01:1").contains("manager1:1");
    assertThat(lines.get(2)).startsWith(teamB + ",").endsWith(",1,entry");

    byte[] xlsx = as("ops1").getBytes("/api/compliance/violations?orgUnit=" + enc(unit),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = book.getSheetAt(0);
      List<String> header = new ArrayList<>();
      sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
      assertThat(header).startsWith("opportunityCode", "process", "processInstanceId", "stage");
      assertThat(sheet.getLastRowNum()).isEqualTo(1);
      Row row = sheet.getRow(1);
      assertThat(row.getCell(0).getStringCellValue()).isEqualTo(c);
      assertThat(row.getCell(3).getStringCellValue()).isEqualTo("DISCOVER");
      assertThat(row.getCell(header.indexOf("operationUser")).getStringCellValue()).isEqualTo("admin");
    }

    ApiClient.Response exceptionsCsv = as("ops1").get("/api/compliance/exceptions?format=csv&orgUnit=" + enc(unit));
    assertThat(exceptionsCsv.body()).contains(b).contains("TARGET-01").contains("manager1").contains("LOST");
  }

  @Test
  void shouldLetManagersSeeOnlyTheirOrgUnitAndRepsAndExpertsNothing() {
    assertThat(as("rep1").get("/api/compliance/violations").status()).isEqualTo(403);
    assertThat(as("rep1").get("/api/compliance/report").status()).isEqualTo(403);
    assertThat(as("rep1").get("/api/compliance/exceptions").status()).isEqualTo(403);
    assertThat(as("rep1").get("/api/audit/verify").status()).isEqualTo(403);
    assertThat(as("expert1").get("/api/compliance/report").status()).isEqualTo(403);
    assertThat(as("manager1").get("/api/compliance/violations?orgUnit=HQ/North").status()).isEqualTo(403);
    JsonNode ownUnit = get("manager1", "/api/compliance/violations");
    assertThat(ownUnit.path("orgUnit").asText()).isEqualTo("HQ/East");
    assertThat(ownUnit.path("violations").findValuesAsText("orgUnit")).allMatch(u -> u.startsWith("HQ/East"));
    assertThat(ApiClient.anonymous(port).get("/api/audit/verify").status()).isEqualTo(401);
  }

  @Test
  void shouldRefuseBadParametersNamingTheField() {
    ApiClient.Response groupBy = as("ops1").get("/api/compliance/report?groupBy=colour");
    assertThat(groupBy.status()).isIn(400, 422);
    assertThat(groupBy.body()).contains("groupBy");
    ApiClient.Response period = as("ops1").get("/api/compliance/violations?from=2027-02-01&to=2027-01-01");
    assertThat(period.status()).isIn(400, 422);
    assertThat(period.body()).contains("\"to\"");
  }

  @Test
  void shouldKeepOneUnbrokenChainWhenGatesAreAskedConcurrently() throws Exception {
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      codes.add(open(Opportunities.qualified(Opportunities.freshCode("CP")).put("orgUnit", teamA)));
    }
    long before = jdbc.queryForObject("select last_seq from gate_log_head", Long.class);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<String>> verdicts = new ArrayList<>();
      for (String code : codes) {
        verdicts.add(pool.submit(() -> advance(code)));
      }
      for (java.util.concurrent.Future<String> v : verdicts) {
        assertThat(v.get()).isEqualTo("PASSED");
      }
    } finally {
      pool.shutdown();
    }

    assertThat(jdbc.queryForObject("select last_seq from gate_log_head", Long.class)).isEqualTo(before + 8);
    assertThat(jdbc.queryForList("select seq from gate_record where seq > ? order by seq", Long.class, before))
        .containsExactly(before + 1, before + 2, before + 3, before + 4, before + 5, before + 6, before + 7, before + 8);
    assertThat(get("ops1", "/api/audit/verify").path("valid").asBoolean()).isTrue();
  }

  @Test
  void shouldVerifyTheChainAndNameARecordChangedBehindTheApplicationsBack() {
    JsonNode intact = get("manager1", "/api/audit/verify");
    assertThat(intact.path("valid").asBoolean()).as(intact.toString()).isTrue();
    long records = jdbc.queryForObject("select count(*) from gate_record", Long.class);
    assertThat(intact.path("checked").asLong()).isEqualTo(records);

    long changed = jdbc.queryForObject("select min(id) from gate_record where opportunity_code = ? and verdict = 'FAILED'",
        Long.class, c);
    String original = jdbc.queryForObject("select failures_json from gate_record where id = ?", String.class, changed);
    try {
      tamper(changed, "[]");
      JsonNode broken = get("ops1", "/api/audit/verify");
      assertThat(broken.path("valid").asBoolean()).isFalse();
      assertThat(broken.path("firstBroken").path("id").asLong()).isEqualTo(changed);
      assertThat(broken.path("firstBroken").path("reason").asText()).contains("no longer matches its hash");
    } finally {
      tamper(changed, original);
    }
    assertThat(get("ops1", "/api/audit/verify").path("valid").asBoolean()).isTrue();
  }
}

package io.oppflow.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.oppflow.gate.ActiveRules;
import io.oppflow.gate.internal.RuleFiles;
import io.oppflow.shared.Message;
import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;
import io.oppflow.support.Opportunities;
import io.oppflow.support.ShippedRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sales-ops change the rules on the record: upload, validation, self-tests, activation, roll back. Each test
 * starts and ends with the shipped rules active ({@link ShippedRules}): the context is shared.
 */
@H2ServiceTest
@ExtendWith(ShippedRules.class)
class RuleSetApiTests {

  private static final String EXTRA_WARNING = io.oppflow.support.RuleFixtures.REGION_WARNING;

  /** Where a hostile upload would leave its mark if any of it ran, e.g. during its self-tests. */
  private static final Path MARK = Path.of("target", "hostile-upload-ran.txt");
  private static final String WRITE = "java.nio.file.Files.writeString( java.nio.file.Path.of( \"" + MARK + "\" ), \"ran\" )";
  private static final String HOSTILE_HEADER = """
      package projectsales;
      import io.oppflow.gate.GateRequest;
      import io.oppflow.gate.Finding;
      import io.oppflow.opportunity.*;
      """;

  @LocalServerPort int port;
  @Autowired ActiveRules activeRules;
  @Autowired JdbcTemplate jdbc;
  private String originalVersion;

  ApiClient ops() { return ApiClient.as(port, "ops1"); }

  @BeforeEach
  void rememberTheActiveVersion() {
    originalVersion = ShippedRules.version();
  }

  @AfterEach
  void removeTheMark() throws IOException {
    Files.deleteIfExists(MARK);
  }

  static Map<String, byte[]> shippedFiles() {
    return new TreeMap<>(RuleFiles.read(Path.of("rules")).all());
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  String advanceMinimalAndReadTheRulesVersion() {
    String code = Opportunities.freshCode("RULES");
    ApiClient rep1 = ApiClient.as(port, "rep1");
    rep1.post("/api/opportunities", Opportunities.minimal(code).toString());
    rep1.post("/api/opportunities/" + code + "/advance", null);
    return rep1.get("/api/opportunities/" + code + "/gate-records").json().get(0).path("rulesVersion").asText();
  }

  @Test
  void shouldListTheVersionsWithTheActiveOneAndWhereEachCameFrom() {
    JsonNode rules = ApiClient.as(port, "rep1").get("/api/rules").json();
    assertThat(rules.path("active").asText()).isEqualTo(originalVersion);
    JsonNode startup = rules.path("versions").findParents("source").stream()
        .filter(v -> v.path("source").asText().equals("STARTUP")).findFirst().orElseThrow();
    assertThat(startup.path("files").toString()).contains("projectsales/discover.drl", "projectsales/discover.cases.yaml");
    assertThat(startup.path("selfTestCases").asInt()).isPositive();
    assertThat(rules.path("mayChange").asBoolean()).as("a rep may not change rules").isFalse();
    assertThat(ApiClient.as(port, "manager1").get("/api/rules").json().path("mayChange").asBoolean()).isFalse();
    assertThat(ops().get("/api/rules").json().path("mayChange").asBoolean()).isTrue();
    assertThat(ApiClient.as(port, "admin").get("/api/rules").json().path("mayChange").asBoolean()).isTrue();
  }

  @Test
  void shouldRefuseARuleSetWithASyntaxErrorNamingFileAndLineAndKeepServingThePreviousOne() {
    Map<String, byte[]> files = shippedFiles();
    files.put("projectsales/discover.drl", utf8(new String(files.get("projectsales/discover.drl"), StandardCharsets.UTF_8)
        .replaceFirst("then", "then this is not java ;;")));

    ApiClient.Response refused = ops().postFiles("/api/rules", "files", files);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.json().path("errors").get(0).path("file").asText()).isEqualTo("projectsales/discover.drl");
    assertThat(refused.json().path("errors").get(0).path("line").asInt()).isPositive();
    assertThat(refused.json().path("errors").get(0).path("message").asText()).isNotBlank();
    assertThat(activeRules.current().version()).isEqualTo(originalVersion);
    assertThat(advanceMinimalAndReadTheRulesVersion()).isEqualTo(originalVersion);
    assertThat(ops().get("/api/rules").json().path("events").get(0).path("kind").asText()).isEqualTo("REFUSED");
  }

  @Test
  void shouldRefuseADecisionTableWithAMisspeltFactNamingFileRowAndCell() {
    Map<String, byte[]> files = shippedFiles();
    files.put("projectsales/criteria.drl.csv", utf8(new String(files.get("projectsales/criteria.drl.csv"), StandardCharsets.UTF_8)
        .replace("customer.inTargetSegment != true,blocking,TARGET-01", "customer.inTargetSegmnt != true,blocking,TARGET-01")));

    ApiClient.Response refused = ops().postFiles("/api/rules", "files", files);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    JsonNode error = refused.json().path("errors").get(0);
    assertThat(error.path("file").asText()).isEqualTo("projectsales/criteria.drl.csv");
    assertThat(error.path("line").asInt()).as("the table row").isEqualTo(8);
    assertThat(error.path("message").asText()).contains("row 8, cell D8");
    assertThat(activeRules.current().version()).isEqualTo(originalVersion);
  }

  @Test
  void shouldRefuseARuleSetWhoseSelfTestsFailNamingTheCase() {
    Map<String, byte[]> files = shippedFiles();
    files.put("projectsales/criteria.drl.csv", utf8(new String(files.get("projectsales/criteria.drl.csv"), StandardCharsets.UTF_8)
        .replace(",TARGET-01,", ",TARGET-77,")));

    ApiClient.Response refused = ops().postFiles("/api/rules", "files", files);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.json().path("errors").findValuesAsText("file")).contains("projectsales/target.cases.yaml");
    assertThat(refused.json().path("errors").findValuesAsText("case")).isNotEmpty();
    assertThat(refused.json().path("errors").findValuesAsText("message")).as("each in both languages").allSatisfy(m -> {
      assertThat(Message.parse(m).zh()).startsWith("预期阻断项");
      assertThat(Message.parse(m).en()).startsWith("expected failures").doesNotContainPattern("\\p{IsHan}");
    });
    assertThat(activeRules.current().version()).isEqualTo(originalVersion);
  }

  @Test
  void shouldActivateAValidUploadAndNameItInTheNextGateRecordThenRollBack() {
    Map<String, byte[]> files = shippedFiles();
    files.put("projectsales/target_region.drl", utf8(EXTRA_WARNING));

    ApiClient.Response uploaded = ops().postFiles("/api/rules", "files", files);

    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
    String newVersion = uploaded.json().path("version").asText();
    assertThat(newVersion).isNotEqualTo(originalVersion);
    assertThat(uploaded.json().path("active").asBoolean()).isTrue();
    assertThat(uploaded.json().path("createdBy").asText()).isEqualTo("ops1");
    assertThat(advanceMinimalAndReadTheRulesVersion()).isEqualTo(newVersion);

    ApiClient.Response rolledBack = ops().post("/api/rules/" + originalVersion + "/activate", null);
    assertThat(rolledBack.status()).isEqualTo(200);
    assertThat(advanceMinimalAndReadTheRulesVersion()).isEqualTo(originalVersion);
    JsonNode events = ops().get("/api/rules").json().path("events");
    assertThat(events.get(0).path("kind").asText()).isEqualTo("ACTIVATED");
    assertThat(events.get(0).path("by").asText()).isEqualTo("ops1");
    assertThat(events.get(0).path("at").asText()).isNotBlank();
  }

  @Test
  void shouldRefuseARuleSetThatLeavesADeployedGateWithoutRules() {
    Map<String, byte[]> files = shippedFiles();
    // NEGOTIATE's criteria are all rows of the project-sales decision table
    files.put("projectsales/criteria.drl.csv", new String(files.get("projectsales/criteria.drl.csv"), StandardCharsets.UTF_8)
        .lines().filter(row -> !row.contains(",NEGOTIATE,")).collect(Collectors.joining("\n", "", "\n"))
        .getBytes(StandardCharsets.UTF_8));
    files.remove("projectsales/negotiate.cases.yaml");

    ApiClient.Response refused = ops().postFiles("/api/rules", "files", files);

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().path("errors").findValuesAsText("message"))
        .anySatisfy(m -> assertThat(m).contains("project-sales-funnel").contains("NEGOTIATE"));
    assertThat(activeRules.current().version()).isEqualTo(originalVersion);
  }

  @Test
  void shouldMakeNoNewVersionForTheSameFiles() {
    ApiClient.Response same = ops().postFiles("/api/rules", "files", shippedFiles());
    assertThat(same.status()).isEqualTo(200);
    assertThat(same.json().path("version").asText()).isEqualTo(originalVersion);
  }

  @Test
  void shouldFailAnEvaluationWhoseRuleThrowsAndChangeNothing() {
    Map<String, byte[]> files = shippedFiles();
    files.put("projectsales/fragile.drl", utf8("""
        package projectsales;
        import io.oppflow.gate.GateRequest;
        import io.oppflow.opportunity.Opportunity;
        rule "TARGET-91 a rule with a defect"
        when
          GateRequest( process == "project-sales-funnel", stage == "TARGET" )
          Opportunity( region == "Atlantis", customer.name.substring(100) != null )
        then
        end
        """));
    assertThat(ops().postFiles("/api/rules", "files", files).status()).isEqualTo(200);
    String code = Opportunities.freshCode("FRAGILE");
    ApiClient rep1 = ApiClient.as(port, "rep1");
    rep1.post("/api/opportunities", Opportunities.minimal(code).put("region", "Atlantis").toString());

    ApiClient.Response advance = rep1.post("/api/opportunities/" + code + "/advance", null);

    assertThat(advance.status()).isEqualTo(500);
    assertThat(advance.json().path("title").asText()).isEqualTo("Stage gate could not be evaluated");
    assertThat(advance.json().path("detail").asText()).contains("TARGET").doesNotContain("\tat ");
    assertThat(rep1.get("/api/opportunities/" + code + "/gate-records").json()).isEmpty();
    assertThat(rep1.get("/api/opportunities/" + code).json().path("stage").asText()).isEqualTo("TARGET");
  }

  @Test
  void shouldLetOnlySalesOpsAndAdminsChangeRules() {
    assertThat(ApiClient.as(port, "rep1").postFiles("/api/rules", "files", shippedFiles()).status()).isEqualTo(403);
    assertThat(ApiClient.as(port, "manager1").postFiles("/api/rules", "files", shippedFiles()).status()).isEqualTo(403);
    assertThat(ApiClient.as(port, "manager1").post("/api/rules/" + originalVersion + "/activate", null).status()).isEqualTo(403);
    assertThat(ApiClient.as(port, "admin").post("/api/rules/" + originalVersion + "/activate", null).status()).isEqualTo(200);
  }

  @Test
  void shouldRefuseUnsafeFileNamesAndUnknownVersions() {
    ApiClient.Response unsafe = ops().postFiles("/api/rules", "files", Map.of("../evil.drl", utf8(EXTRA_WARNING)));
    assertThat(unsafe.status()).isEqualTo(400);
    assertThat(unsafe.json().path("errors").findValuesAsText("field")).contains("files");
    assertThat(ops().post("/api/rules/0000000000000000/activate", null).status()).isEqualTo(404);
  }

  static Stream<Arguments> hostileUploads() {
    String table = String.join("\n",
        "\"RuleSet\",\"projectsales\"",
        "\"Import\",\"io.oppflow.gate.GateRequest, io.oppflow.opportunity.Opportunity\"",
        "\"RuleTable TARGET regions that write\"",
        "\"CONDITION\",\"CONDITION\",\"ACTION\"",
        "\"GateRequest\",\"Opportunity\",\"\"",
        "\"process == \"\"$1\"\", stage == \"\"$2\"\"\",\"region != \"\"$param\"\"\",\"" + WRITE.replace("\"", "\"\"") + ";\"",
        "\"Gate\",\"Region\",\"Finding\"",
        "\"project-sales-funnel,TARGET\",\"Atlantis\",\"x\"",
        "");
    return Stream.of(
        Arguments.of("projectsales/target_write.drl", HOSTILE_HEADER + """
            rule "TARGET-97 writes a file when the gate is evaluated"
            when
              GateRequest( process == "project-sales-funnel", stage == "TARGET" )
            then
              %s;
            end
            """.formatted(WRITE), "TARGET-97 writes a file when the gate is evaluated", "static-call"),
        Arguments.of("projectsales/target_write_when.drl", HOSTILE_HEADER + """
            rule "TARGET-98 writes a file while matching"
            when
              GateRequest( process == "project-sales-funnel", stage == "TARGET" )
              Opportunity( %s != null )
            then
            end
            """.formatted(WRITE), "TARGET-98 writes a file while matching", "static-call"),
        Arguments.of("projectsales/regions.drl.csv", table, "TARGET regions that write", "static-call"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileUploads")
  void shouldRefuseAHostileUploadNamingFileRuleAndConstructAndRunNothingOfIt(String file, String content, String rule,
      String construct) {
    Map<String, byte[]> files = shippedFiles();
    files.put(file, utf8(content));

    ApiClient.Response refused = ops().postFiles("/api/rules", "files", files);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.json().path("errors")).anySatisfy(error -> {
      assertThat(error.path("file").asText()).isEqualTo(file);
      assertThat(error.path("rule").asText()).contains(rule);
      assertThat(error.path("construct").asText()).isEqualTo(construct);
      assertThat(error.path("message").asText()).as("zh / en").contains(" / ").contains("不允许");
    });
    assertThat(Files.exists(MARK)).as("nothing of the refused set ran, not even its self-tests").isFalse();
    assertThat(activeRules.current().version()).isEqualTo(originalVersion);
    assertThat(advanceMinimalAndReadTheRulesVersion()).isEqualTo(originalVersion);
    JsonNode refusal = ops().get("/api/rules").json().path("events").get(0);
    assertThat(refusal.path("kind").asText()).isEqualTo("REFUSED");
    assertThat(refusal.path("by").asText()).isEqualTo("ops1");
    assertThat(refusal.path("detail").asText()).contains(file, rule, construct);
  }

  @Test
  void shouldRefuseUnrestrictedDrlFromAnAdministratorWhileTheSwitchIsOff() {
    Map<String, byte[]> files = shippedFiles();
    files.put("projectsales/target_write.drl", utf8(HOSTILE_HEADER + """
        rule "TARGET-99 an admin's shortcut"
        when
          GateRequest( process == "project-sales-funnel", stage == "TARGET" )
        then
          %s;
        end
        """.formatted(WRITE)));

    ApiClient.Response refused = ApiClient.as(port, "admin").postFiles("/api/rules", "files", files);

    assertThat(refused.status()).isEqualTo(422);
    assertThat(Files.exists(MARK)).isFalse();
  }

  static Stream<Arguments> unreadableTables() {
    return Stream.of(
        Arguments.of("projectsales/broken.drl.xlsx", utf8("this is not a workbook")),
        Arguments.of("projectsales/broken.drl.csv", utf8("\"RuleSet\",\"projectsales\"\n\"no\",\"rule table\"\n")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unreadableTables")
  void shouldRefuseAnUnreadableDecisionTableAsUnprocessableWithoutClassNames(String file, byte[] content) {
    Map<String, byte[]> files = shippedFiles();
    files.put(file, content);

    ApiClient.Response refused = ops().postFiles("/api/rules", "files", files);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.json().path("errors").get(0).path("file").asText()).isEqualTo(file);
    assertThat(refused.body()).contains("decision table").doesNotContain("Exception").doesNotContain("org.apache")
        .doesNotContain("\tat ");
    assertThat(activeRules.current().version()).isEqualTo(originalVersion);
  }

  @Test
  void shouldAnswerAMalformedUploadWithA4xxProblemNeverA500() {
    String boundary = "oppflow-broken";
    byte[] unterminated = utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.drl\"\r\n"
        + "\r\npackage x;");

    for (ApiClient.Response r : java.util.List.of(
        ops().postRaw("/api/rules", "multipart/form-data; boundary=" + boundary, unterminated),
        ops().postRaw("/api/rules", "multipart/form-data", utf8("no boundary at all")),
        ops().postRaw("/api/rules", "multipart/form-data; boundary=" + boundary, utf8("--" + boundary + "--\r\n")),
        ops().postRaw("/api/rules", "application/json", utf8("{}")))) {
      assertThat(r.status()).as(r.toString()).isBetween(400, 499);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.json().path("title").asText()).isNotBlank();
      assertThat(r.body()).doesNotContain("Exception").doesNotContain("org.springframework").doesNotContain("\tat ");
    }
  }

  @Test
  void shouldFollowAVersionActivatedOnAnotherNodeWithinSeconds() {
    Map<String, byte[]> files = shippedFiles();
    files.put("projectsales/target_region.drl", utf8(EXTRA_WARNING));
    String other = ops().postFiles("/api/rules", "files", files).json().path("version").asText();
    ops().post("/api/rules/" + originalVersion + "/activate", null);
    assertThat(activeRules.current().version()).isEqualTo(originalVersion);

    // What another node's activation leaves in the shared database: a newer activation row.
    jdbc.update("insert into rule_set_activation (version, activated_by, activated_at) values (?, ?, ?)",
        other, "ops1@node-2", Timestamp.from(Instant.now()));

    await().atMost(Duration.ofSeconds(12)).until(() -> activeRules.current().version().equals(other));
  }
}

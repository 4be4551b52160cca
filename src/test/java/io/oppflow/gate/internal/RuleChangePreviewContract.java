package io.oppflow.gate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oppflow.gate.ActiveRules;
import io.oppflow.gate.RuleSet;
import io.oppflow.support.ApiClient;
import io.oppflow.support.Opportunities;
import io.oppflow.support.ShippedRules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rule-change impact preview on gate records made through the real API, on every database we support. The window
 * starts when the data set is made, so no other test's records fall in it:
 * <ul>
 *   <li>A: qualified, a CALL logged; TARGET and DISCOVER pass (2 PASSED records);</li>
 *   <li>B: minimal; TARGET fails on TARGET-01 (and warns TARGET-02: no industry);</li>
 *   <li>C: qualified without an industry; TARGET passes, warning TARGET-02; a CALL is logged after the gate;</li>
 *   <li>D: minimal; TARGET fails on TARGET-01, manager1 approves an exception (a FAILED and an OVERRIDDEN record).</li>
 * </ul>
 * The tightened candidate makes TARGET-02 blocking; the loosened one fails TARGET-01 only for a customer assessed
 * outside every segment, no longer for one never assessed.
 */
@ExtendWith(ShippedRules.class)
abstract class RuleChangePreviewContract {

  private static final String CRITERIA = "projectsales/criteria.drl.csv";
  private static final String TARGET_CASES = "projectsales/target.cases.yaml";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired Clock clock;
  @Autowired ActiveRules activeRules;
  @Autowired RuleSetStore store;

  Instant start;
  String a;
  String b;
  String c;
  String d;

  ApiClient as(String user) {
    return ApiClient.as(port, user);
  }

  @BeforeEach
  void makeDataSet() {
    start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    a = Opportunities.freshCode("PREVIEW-A");
    b = Opportunities.freshCode("PREVIEW-B");
    c = Opportunities.freshCode("PREVIEW-C");
    d = Opportunities.freshCode("PREVIEW-D");
    open(Opportunities.qualified(a).toString());
    logCall(a);
    assertThat(advance(a)).isEqualTo("PASSED");
    assertThat(advance(a)).isEqualTo("PASSED");
    open(Opportunities.minimal(b).toString());
    assertThat(advance(b)).isEqualTo("FAILED");
    com.fasterxml.jackson.databind.node.ObjectNode noIndustry = Opportunities.qualified(c);
    ((com.fasterxml.jackson.databind.node.ObjectNode) noIndustry.path("customer")).remove("industry");
    open(noIndustry.toString());
    assertThat(advance(c)).isEqualTo("PASSED");
    logCall(c);
    open(Opportunities.minimal(d).toString());
    assertThat(advance(d)).isEqualTo("FAILED");
    ApiClient.Response asked = as("rep1").post("/api/opportunities/" + d + "/exceptions", "{\"reason\": \"战略客户 / strategic account\"}");
    assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
    ApiClient.Response approved = as("manager1").post("/api/exceptions/" + asked.json().path("id").asLong() + "/approve",
        "{\"reason\": \"segment review pending\"}");
    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
  }

  @Test
  void shouldCountTheRecordsATightenedCriterionWouldNewlyFailAndShowThePassThatWouldFail() {
    Map<String, byte[]> files = shipped();
    files.put(CRITERIA, replace(files.get(CRITERIA), ",warning,TARGET-02,", ",blocking,TARGET-02,"));
    files.put(TARGET_CASES, utf8(targetCases("failures: [TARGET-02]", "failures: [TARGET-01, TARGET-02]")));

    JsonNode preview = preview(files, "").json();

    assertThat(preview.path("candidateVersion").asText()).isEqualTo(new RuleSetFiles(files).version());
    assertThat(preview.path("activeVersion").asText()).isEqualTo(ShippedRules.version());
    assertThat(preview.path("recordsInWindow").asLong()).isEqualTo(6);
    assertThat(preview.path("truncated").asBoolean()).isFalse();
    assertThat(preview.has("notice")).isFalse();
    assertThat(counts(preview.path("total"))).containsExactly(6, 5, 1, 0, 0);
    assertThat(preview.path("stages").findValuesAsText("stage")).containsExactly("DISCOVER", "TARGET");
    assertThat(counts(preview.path("stages").get(0))).containsExactly(1, 1, 0, 0, 0);
    assertThat(counts(preview.path("stages").get(1))).containsExactly(5, 4, 1, 0, 0);
    JsonNode criterion = preview.path("criteria").get(0);
    assertThat(preview.path("criteria")).hasSize(1);
    assertThat(criterion.path("code").asText()).isEqualTo("TARGET-02");
    assertThat(criterion.path("newlyFailing").asInt()).as("B, C and both records of D").isEqualTo(4);
    assertThat(criterion.path("noLongerFailing").asInt()).isZero();
    assertThat(criterion.path("message").path("zh").asText()).contains("行业");
    assertThat(criterion.path("message").path("en").asText()).contains("industry");
    JsonNode example = preview.path("examples").path("passedToFailed").get(0);
    assertThat(preview.path("examples").path("passedToFailed")).hasSize(1);
    assertThat(preview.path("examples").path("failedToPassed")).isEmpty();
    assertThat(example.path("opportunityCode").asText()).isEqualTo(c);
    assertThat(example.path("stage").asText()).isEqualTo("TARGET");
    assertThat(example.path("process").asText()).isEqualTo("project-sales-funnel");
    assertThat(example.path("oldVerdict").asText()).isEqualTo("PASSED");
    assertThat(example.path("newVerdict").asText()).isEqualTo("FAILED");
    assertThat(texts(example.path("newlyFailing"))).containsExactly("TARGET-02");
    assertThat(texts(example.path("noLongerFailing"))).isEmpty();
    assertThat(example.path("rulesVersion").asText()).isEqualTo(ShippedRules.version());
    assertThat(Instant.parse(example.path("evaluatedAt").asText())).isAfterOrEqualTo(start);
    assertThat(example.path("recordId").asLong()).isEqualTo(lastRecordId(c));
  }

  @Test
  void shouldNameTheSelfTestCasesTheCandidatePassed() {
    Map<String, byte[]> files = shipped();
    files.put(CRITERIA, replace(files.get(CRITERIA), ",warning,TARGET-02,", ",blocking,TARGET-02,"));
    files.put(TARGET_CASES, utf8(targetCases("failures: [TARGET-02]", "failures: [TARGET-01, TARGET-02]")));

    JsonNode selfTests = preview(files, "").json().path("selfTests");

    assertThat(selfTests.path("cases").asInt())
        .isEqualTo(RuleSelfTests.countCases(new RuleSetFiles(files).caseFiles()));
    JsonNode target = selfTests.path("files").findParents("file").stream()
        .filter(f -> f.path("file").asText().equals(TARGET_CASES)).findFirst().orElseThrow();
    assertThat(texts(target.path("cases"))).containsExactly("a customer of a target segment with its industry passes",
        "a customer outside every target segment fails TARGET-01", "a customer without industry", "a bare opportunity");
    assertThat(selfTests.path("files").findValuesAsText("file")).as("every cases file, in order")
        .isSortedAccordingTo(String::compareTo).contains("projectsales/discover.cases.yaml");
  }

  @Test
  void shouldCountTheFailuresALoosenedCriterionWouldLiftComparingAnOverrideAsTheFailureItOverrode() {
    Map<String, byte[]> files = shipped();
    files.put(CRITERIA, replace(files.get(CRITERIA), "TARGET,customer.inTargetSegment != true,",
        "TARGET,customer.inTargetSegment == false,"));
    files.put(TARGET_CASES, utf8(targetCases("failures: []", "failures: []")));

    JsonNode preview = preview(files, "&examples=2").json();

    assertThat(counts(preview.path("total"))).containsExactly(6, 3, 0, 3, 0);
    assertThat(counts(preview.path("stages").get(1))).containsExactly(5, 2, 0, 3, 0);
    assertThat(preview.path("criteria")).hasSize(1);
    assertThat(preview.path("criteria").get(0).path("code").asText()).isEqualTo("TARGET-01");
    assertThat(preview.path("criteria").get(0).path("noLongerFailing").asInt()).isEqualTo(3);
    assertThat(preview.path("criteria").get(0).path("newlyFailing").asInt()).isZero();
    assertThat(preview.path("criteria").get(0).path("message").path("en").asText()).contains("target segment");
    JsonNode lifted = preview.path("examples").path("failedToPassed");
    assertThat(lifted).as("two examples asked, newest first: D's override, then D's failure").hasSize(2);
    assertThat(lifted.findValuesAsText("opportunityCode")).containsExactly(d, d);
    assertThat(lifted.findValuesAsText("recordedVerdict")).containsExactly("OVERRIDDEN", "FAILED");
    assertThat(lifted.findValuesAsText("oldVerdict")).containsExactly("FAILED", "FAILED");
    assertThat(lifted.findValuesAsText("newVerdict")).containsExactly("PASSED", "PASSED");
    assertThat(texts(lifted.get(0).path("noLongerFailing"))).containsExactly("TARGET-01");
    assertThat(lifted.get(0).path("recordId").asLong()).isGreaterThan(lifted.get(1).path("recordId").asLong());
  }

  @Test
  void shouldReplayWithTheActivitiesTheRecordKeptNotThoseLoggedSince() {
    Map<String, byte[]> files = shipped();
    files.put("projectsales/target_call.drl", utf8("""
        package projectsales;
        import io.oppflow.gate.GateRequest;
        import io.oppflow.gate.Finding;
        import io.oppflow.opportunity.*;
        rule "TARGET-93 a call with the customer is logged"
        when
          GateRequest( process == "project-sales-funnel", stage == "TARGET" )
          $o : Opportunity()
          not( Activity( opportunityCode == $o.code, type == ActivityType.CALL ) )
        then
          insert( Finding.blocking( "TARGET-93", "尚未记录与客户的电话沟通。", "No call with the customer is logged." ) );
        end
        """));
    files.put(TARGET_CASES, utf8("""
        process: project-sales-funnel
        stage: TARGET
        base:
          name: 华东制造集团 ERP 升级
          customer: { name: 华东制造集团, industry: manufacturing, inTargetSegment: true }
        activities:
          - { type: CALL }
        cases:
          - name: a customer of a target segment with a call logged passes
            expect: { failures: [] }
          - name: no call logged fails TARGET-93
            activities: []
            expect: { failures: [TARGET-93] }
          - name: a customer outside every target segment fails TARGET-01
            set: { customer: { inTargetSegment: false } }
            expect: { failures: [TARGET-01] }
        """));

    JsonNode preview = preview(files, "").json();

    assertThat(counts(preview.path("total"))).containsExactly(6, 5, 1, 0, 0);
    assertThat(preview.path("examples").path("passedToFailed").findValuesAsText("opportunityCode"))
        .as("A's record keeps its call; C's call was logged after its gate").containsExactly(c);
    assertThat(preview.path("criteria").findValuesAsText("code")).containsExactly("TARGET-93");
    assertThat(preview.path("criteria").get(0).path("newlyFailing").asInt()).as("B, C and both records of D").isEqualTo(4);
  }

  @Test
  void shouldStoreActivateAndRecordNothing() {
    JsonNode before = as("ops1").get("/api/rules").json();
    Map<String, byte[]> files = shipped();
    files.put(CRITERIA, replace(files.get(CRITERIA), ",warning,TARGET-02,", ",blocking,TARGET-02,"));
    files.put(TARGET_CASES, utf8(targetCases("failures: [TARGET-02]", "failures: [TARGET-01, TARGET-02]")));
    long records = jdbc.queryForObject("select count(*) from gate_record", Long.class);

    assertThat(preview(files, "").status()).isEqualTo(200);

    assertThat(as("ops1").get("/api/rules").json()).as("versions, activations and events").isEqualTo(before);
    assertThat(store.files(new RuleSetFiles(files).version())).isEmpty();
    assertThat(activeRules.current().version()).isEqualTo(ShippedRules.version());
    assertThat(jdbc.queryForObject("select count(*) from gate_record", Long.class)).isEqualTo(records);
  }

  @Test
  void shouldRefuseARuleSetThatDoesNotCompileAsTheUploadDoesNamingFileAndLineAndRecordNoRefusal() {
    JsonNode before = as("ops1").get("/api/rules").json();
    Map<String, byte[]> files = shipped();
    String drl = new String(files.get("projectsales/discover.drl"), StandardCharsets.UTF_8);
    files.put("projectsales/discover.drl", utf8(drl.replaceFirst("\\bwhen\\b", "when (")));

    ApiClient.Response refused = preview(files, "");
    ApiClient.Response uploaded = as("ops1").postFiles("/api/rules", "files", files);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    JsonNode error = refused.json().path("errors").get(0);
    assertThat(error.path("file").asText()).isEqualTo("projectsales/discover.drl");
    assertThat(error.path("line").asInt()).isPositive();
    assertThat(refused.json().path("detail").asText()).contains(" / ").contains("规则集无法编译");
    assertThat(refused.json().path("errors")).as("the same answer as the upload").isEqualTo(uploaded.json().path("errors"));
    assertThat(refused.json().path("detail")).isEqualTo(uploaded.json().path("detail"));
    assertThat(refused.json().has("total")).as("nothing replayed").isFalse();
    JsonNode events = as("ops1").get("/api/rules").json().path("events");
    assertThat(events.get(0).path("kind").asText()).as("the upload's refusal").isEqualTo("REFUSED");
    assertThat(events.get(1)).as("and nothing for the preview").isEqualTo(before.path("events").get(0));
  }

  @Test
  void shouldRefuseAnUnsafeRuleAsTheUploadDoesAndRunNothingOfIt() throws java.io.IOException {
    java.nio.file.Files.deleteIfExists(RuleSetCheckerTests.MARK);
    Map<String, byte[]> files = shipped();
    files.put("projectsales/target_hostile.drl", utf8(RuleSetCheckerTests.rule("TARGET-96 writes a file", "",
        "java.nio.file.Files.writeString( java.nio.file.Path.of( \"" + RuleSetCheckerTests.MARK + "\" ), \"ran\" );")));

    ApiClient.Response refused = preview(files, "");

    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.json().path("errors")).anySatisfy(error -> {
      assertThat(error.path("file").asText()).isEqualTo("projectsales/target_hostile.drl");
      assertThat(error.path("rule").asText()).isEqualTo("TARGET-96 writes a file");
      assertThat(error.path("construct").asText()).isEqualTo("static-call");
    });
    assertThat(java.nio.file.Files.exists(RuleSetCheckerTests.MARK)).as("not compiled, self-tested or replayed").isFalse();
  }

  @Test
  void shouldRefuseASetWhoseSelfTestsFailNamingFileAndCase() {
    Map<String, byte[]> files = shipped();
    files.put(CRITERIA, replace(files.get(CRITERIA), ",warning,TARGET-02,", ",blocking,TARGET-02,"));

    ApiClient.Response refused = preview(files, "");

    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.json().path("errors").findValuesAsText("file")).contains(TARGET_CASES);
    assertThat(refused.json().path("errors").findValuesAsText("case")).contains("a missing industry only warns TARGET-02");
  }

  @Test
  void shouldLetOnlySalesOpsAndAdministratorsPreview() {
    assertThat(as("rep1").postFiles("/api/rules/preview", "files", shipped()).status()).isEqualTo(403);
    assertThat(as("manager1").postFiles("/api/rules/preview", "files", shipped()).status()).isEqualTo(403);
    assertThat(ApiClient.anonymous(port).postFiles("/api/rules/preview", "files", shipped()).status()).isEqualTo(401);
    assertThat(admin().postFiles("/api/rules/preview?from=" + start, "files", shipped()).status()).isEqualTo(200);
  }

  @Test
  void shouldChangeNothingWhenTheCandidateIsTheActiveSet() {
    JsonNode preview = preview(shipped(), "").json();

    assertThat(counts(preview.path("total"))).containsExactly(6, 6, 0, 0, 0);
    assertThat(preview.path("criteria")).isEmpty();
  }

  @Test
  void shouldReplayOnlyTheNewestRecordsAndSaySoWhenTheWindowHoldsMore() {
    GateRecordReplay replayAtMostTwo = new GateRecordReplay(jdbc, json, clock, 2);
    RuleSet shippedRules = RuleSet.compile(RuleFiles.read(Path.of("rules")));

    RuleChangePreview preview = replayAtMostTwo.replay(shippedRules, "active", new PreviewWindow(start, Instant.now()), 10);

    assertThat(preview.recordsInWindow()).isEqualTo(6);
    assertThat(preview.truncated()).isTrue();
    assertThat(preview.total().replayed()).isEqualTo(2);
    assertThat(preview.stages()).extracting(RuleChangePreview.StageCounts::stage).containsExactly("TARGET");
    assertThat(preview.notice().zh()).contains("6", "2");
    assertThat(preview.notice().en()).contains("holds 6 gate records", "only the newest 2");
  }

  @Test
  void shouldRefuseAWindowThatIsNoDateNamingTheField() {
    ApiClient.Response refused = as("ops1").postFiles("/api/rules/preview?from=yesterday", "files", shipped());

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly("from");
    assertThat(as("ops1").postFiles("/api/rules/preview?from=2026-12-02&to=2026-12-01", "files", shipped()).status())
        .isEqualTo(400);
    assertThat(as("ops1").postFiles("/api/rules/preview?examples=1000", "files", shipped()).status()).isEqualTo(400);
    assertThat(as("ops1").postFiles("/api/rules/preview?examples=abc", "files", shipped()).status()).isEqualTo(400);
  }

  /** The administrator on this profile. */
  abstract ApiClient admin();

  ApiClient.Response preview(Map<String, byte[]> files, String query) {
    return as("ops1").postFiles("/api/rules/preview?from=" + start + query, "files", files);
  }

  private void open(String body) {
    ApiClient.Response opened = as("rep1").post("/api/opportunities", body);
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
  }

  private void logCall(String code) {
    ApiClient.Response logged = as("rep1").post("/api/opportunities/" + code + "/activities",
        "{\"type\": \"CALL\", \"date\": \"" + java.time.LocalDate.now(clock).minusDays(1) + "\"}");
    assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
  }

  private String advance(String code) {
    return as("rep1").post("/api/opportunities/" + code + "/advance", null).json().path("verdict").asText();
  }

  private long lastRecordId(String code) {
    JsonNode records = as("ops1").get("/api/opportunities/" + code + "/gate-records").json();
    return records.get(records.size() - 1).path("id").asLong();
  }

  private static List<Integer> counts(JsonNode c) {
    return List.of(c.path("replayed").asInt(), c.path("unchanged").asInt(), c.path("passedToFailed").asInt(),
        c.path("failedToPassed").asInt(), c.path("notReplayed").asInt());
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new java.util.ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static Map<String, byte[]> shipped() {
    return new TreeMap<>(RuleFiles.read(Path.of("rules")).all());
  }

  private static byte[] replace(byte[] file, String from, String to) {
    String text = new String(file, StandardCharsets.UTF_8);
    assertThat(text).contains(from);
    return utf8(text.replace(from, to));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The TARGET gate's self-tests of a candidate: what a customer without industry gets, and a bare opportunity. */
  private static String targetCases(String withoutIndustry, String bare) {
    return """
        process: project-sales-funnel
        stage: TARGET
        base:
          name: 华东制造集团 ERP 升级
          customer: { name: 华东制造集团, industry: manufacturing, inTargetSegment: true }
        cases:
          - name: a customer of a target segment with its industry passes
            expect: { failures: [] }
          - name: a customer outside every target segment fails TARGET-01
            set: { customer: { inTargetSegment: false } }
            expect: { failures: [TARGET-01] }
          - name: a customer without industry
            set: { customer: { industry: null } }
            expect: { %s }
          - name: a bare opportunity
            set: { customer: { industry: null, inTargetSegment: null } }
            expect: { %s }
        """.formatted(withoutIndustry, bare);
  }
}

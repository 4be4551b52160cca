package io.oppflow.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.oppflow.support.ApiClient;
import io.oppflow.support.Opportunities;
import io.oppflow.support.ShippedRules;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The main flows of the service, run on every database we support (H2 and PostgreSQL): what a rep
 * does through the API, what the gate decides, what history and the gate log keep, who may see what.
 */
@ExtendWith(ShippedRules.class)
abstract class MainFlowsContract {

  @LocalServerPort int port;
  @Autowired HistoryService history;

  ApiClient rep1() { return ApiClient.as(port, "rep1"); }
  ApiClient rep2() { return ApiClient.as(port, "rep2"); }
  ApiClient manager1() { return ApiClient.as(port, "manager1"); }

  @Test
  void shouldFailFirstGateForMinimalOpportunityAndPassItOnceTheFactsAreRecorded() {
    String code = Opportunities.freshCode("MIN");
    ApiClient.Response created = rep1().post("/api/opportunities", Opportunities.minimal(code).toString());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().path("stage").asText()).isEqualTo("TARGET");

    JsonNode failed = rep1().post("/api/opportunities/" + code + "/advance", null).json();
    assertThat(failed.path("verdict").asText()).isEqualTo("FAILED");
    assertThat(failed.path("stage").asText()).isEqualTo("TARGET");
    assertThat(codes(failed.path("failures"))).containsExactly("TARGET-01");
    assertThat(failed.path("failures").get(0).path("message").path("zh").asText()).isNotBlank();
    assertThat(failed.path("failures").get(0).path("message").path("en").asText()).isNotBlank();

    assertThat(rep1().patch("/api/opportunities/" + code, "{\"customer\": {\"inTargetSegment\": true}}").status()).isEqualTo(200);
    JsonNode passed = rep1().post("/api/opportunities/" + code + "/advance", null).json();
    assertThat(passed.path("verdict").asText()).isEqualTo("PASSED");
    assertThat(passed.path("stage").asText()).isEqualTo("DISCOVER");
    assertThat(rep1().get("/api/opportunities/" + code).json().path("customer").path("name").asText()).isEqualTo("上海某公司");
  }

  @Test
  void shouldPassTheExampleThroughTwoGatesAndKeepOneGateRecordPerAdvance() {
    String code = Opportunities.freshCode("EX");
    JsonNode created = rep1().post("/api/opportunities", Opportunities.qualified(code).toString()).json();

    assertThat(rep1().post("/api/opportunities/" + code + "/advance", null).json().path("stage").asText()).isEqualTo("DISCOVER");
    assertThat(rep1().post("/api/opportunities/" + code + "/advance", null).json().path("stage").asText()).isEqualTo("CONFIRM_INTENT");
    JsonNode third = rep1().post("/api/opportunities/" + code + "/advance", null).json();
    assertThat(third.path("verdict").asText()).isEqualTo("FAILED");
    assertThat(codes(third.path("failures"))).contains("CONFIRM_INTENT-01");

    JsonNode records = rep1().get("/api/opportunities/" + code + "/gate-records").json();
    assertThat(records).hasSize(3);
    assertThat(records.get(0).path("stage").asText()).isEqualTo("TARGET");
    assertThat(records.get(0).path("verdict").asText()).isEqualTo("PASSED");
    assertThat(records.get(0).path("requestedBy").asText()).isEqualTo("rep1");
    assertThat(records.get(0).path("rulesVersion").asText()).hasSize(16);
    assertThat(records.get(0).path("facts").path("customer").path("inTargetSegment").asBoolean()).isTrue();
    assertThat(records.get(2).path("verdict").asText()).isEqualTo("FAILED");
    assertThat(third.path("gateRecordId").asLong()).isEqualTo(records.get(2).path("id").asLong());

    List<String> stagesEntered = history.createHistoricActivityInstanceQuery()
        .processInstanceId(created.path("processInstanceId").asText()).activityType("subProcess")
        .orderByHistoricActivityInstanceStartTime().asc().list().stream()
        .map(HistoricActivityInstance::getActivityId).toList();
    assertThat(stagesEntered).containsExactly("Stage_TARGET", "Stage_DISCOVER", "Stage_CONFIRM_INTENT");
  }

  @Test
  void shouldEndAsLostWithTheReasonFromAnyStage() {
    String code = Opportunities.freshCode("LOST");
    rep1().post("/api/opportunities", Opportunities.qualified(code).toString());
    rep1().post("/api/opportunities/" + code + "/advance", null);

    ApiClient.Response lost = rep1().post("/api/opportunities/" + code + "/lose",
        "{\"reason\": \"COMPETITOR\", \"competitor\": \"Kingdee\", \"note\": \"price\"}");
    assertThat(lost.status()).as(lost.toString()).isEqualTo(200);
    assertThat(lost.json().path("status").asText()).isEqualTo("LOST");
    assertThat(lost.json().path("stage").asText()).isEqualTo("DISCOVER");
    assertThat(lost.json().path("lost").path("competitor").asText()).isEqualTo("Kingdee");
    assertThat(rep1().post("/api/opportunities/" + code + "/advance", null).status()).isEqualTo(409);
  }

  @Test
  void shouldAcceptAPatchOfTheDocumentItReadAndRefuseOnlyAChangedReadOnlyField() {
    String code = Opportunities.freshCode("RT");
    rep1().post("/api/opportunities", Opportunities.qualified(code).toString());
    rep1().post("/api/opportunities/" + code + "/activities",
        "{\"type\": \"CALL\", \"date\": \"2026-01-05\", \"contact\": \"Li Wei\", \"note\": \"intro\"}");
    rep1().post("/api/opportunities/" + code + "/advance", null);
    JsonNode read = rep1().get("/api/opportunities/" + code).json();
    // Read back what the database keeps: code, process, owner, orgUnit, stage, status, times, version, activities.
    assertThat(read.path("stage").asText()).isEqualTo("DISCOVER");
    assertThat(read.path("activities").size()).isEqualTo(1);

    com.fasterxml.jackson.databind.node.ObjectNode changed = read.deepCopy();
    changed.put("needs", "an ERP for 3 plants");
    ApiClient.Response patched = rep1().patch("/api/opportunities/" + code, changed.toString());

    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    assertThat(patched.json().path("needs").asText()).isEqualTo("an ERP for 3 plants");
    assertThat(patched.json().path("version").asLong()).isEqualTo(read.path("version").asLong() + 1);

    JsonNode now = patched.json();
    for (String[] change : new String[][] {{"owner", "\"rep2\""}, {"orgUnit", "\"HQ/North/Beijing-1\""},
        {"code", "\"OTHER-1\""}, {"process", "\"classic-funnel\""}, {"stage", "\"CLOSE\""}, {"status", "\"WON\""},
        {"version", "99"}, {"createdAt", "\"2020-01-01T00:00:00Z\""}, {"closedAt", "\"2020-01-01T00:00:00Z\""},
        {"activities", "[]"}, {"processInstanceId", "null"}}) {
      com.fasterxml.jackson.databind.node.ObjectNode body = now.deepCopy();
      body.put("needs", "changed with " + change[0]);
      body.set(change[0], read(change[1]));

      ApiClient.Response refused = rep1().patch("/api/opportunities/" + code, body.toString());

      assertThat(refused.status()).as(change[0] + ": " + refused).isEqualTo(400);
      assertThat(refused.json().path("errors").get(0).path("field").asText()).as(refused.toString()).isEqualTo(change[0]);
      assertThat(refused.json().path("detail").asText()).as(refused.toString()).contains("read-only");
    }
    assertThat(rep1().get("/api/opportunities/" + code).json().path("needs").asText()).as("nothing changed")
        .isEqualTo("an ERP for 3 plants");
  }

  static JsonNode read(String json) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void shouldLetOnlyTheOwnerAndTheirManagerSeeAnOpportunity() {
    String code = Opportunities.freshCode("ACL");
    rep1().post("/api/opportunities", Opportunities.minimal(code).toString());

    assertThat(rep2().get("/api/opportunities/" + code).status()).isEqualTo(403);
    assertThat(rep2().post("/api/opportunities/" + code + "/advance", null).status()).isEqualTo(403);
    assertThat(manager1().get("/api/opportunities/" + code).status()).isEqualTo(200);
    assertThat(ApiClient.anonymous(port).get("/api/opportunities/" + code).status()).isEqualTo(401);
    assertThat(ApiClient.anonymous(port).get("/engine-rest/process-definition").status()).isEqualTo(401);
  }

  @Test
  void shouldLetExactlyOneOfTwoConcurrentChangesWin() throws Exception {
    String code = Opportunities.freshCode("CONC");
    rep1().post("/api/opportunities", Opportunities.qualified(code).toString());
    String etag = rep1().get("/api/opportunities/" + code).etag();

    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<Integer>> results = new ArrayList<>();
    for (String industry : List.of("retail", "energy")) {
      Callable<Integer> change = () -> {
        start.await();
        return rep1().patch("/api/opportunities/" + code, "{\"customer\": {\"industry\": \"" + industry + "\"}}",
            "If-Match", etag).status();
      };
      results.add(pool.submit(change));
    }
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> r : results) {
      statuses.add(r.get());
    }
    pool.shutdown();
    assertThat(statuses).containsExactlyInAnyOrder(200, 409);
  }

  @Test
  void shouldRequireEvidenceOfAMeetingWithADecisionMakerToLeaveConfirmIntent() {
    String code = Opportunities.freshCode("EVID");
    rep1().post("/api/opportunities", Opportunities.qualified(code).toString());
    rep1().post("/api/opportunities/" + code + "/advance", null);
    rep1().post("/api/opportunities/" + code + "/advance", null);
    rep1().patch("/api/opportunities/" + code, "{\"needConfirmed\": true}");
    assertThat(codes(rep1().post("/api/opportunities/" + code + "/advance", null).json().path("failures")))
        .containsExactly("CONFIRM_INTENT-05");

    ApiClient.Response logged = rep1().post("/api/opportunities/" + code + "/activities",
        "{\"type\": \"MEETING\", \"date\": \"" + java.time.LocalDate.now() + "\", \"contact\": \"王强\"}");
    assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
    assertThat(logged.json().path("stage").asText()).isEqualTo("CONFIRM_INTENT");

    assertThat(rep1().post("/api/opportunities/" + code + "/advance", null).json().path("verdict").asText()).isEqualTo("PASSED");
    assertThat(rep1().get("/api/opportunities/" + code).json().path("activities").findValuesAsText("contact")).containsExactly("王强");
  }

  @Test
  void shouldAdvanceOnAnExceptionApprovedByTheManagerAndRecordItAsOverridden() {
    String code = Opportunities.freshCode("OVR");
    rep1().post("/api/opportunities", Opportunities.minimal(code).toString());
    rep1().post("/api/opportunities/" + code + "/advance", null);
    long id = rep1().post("/api/opportunities/" + code + "/exceptions", "{\"reason\": \"strategic account\"}").json().path("id").asLong();

    assertThat(manager1().post("/api/exceptions/" + id + "/approve", "{\"reason\": \"approved for Q1\"}").status()).isEqualTo(200);

    JsonNode records = rep1().get("/api/opportunities/" + code + "/gate-records").json();
    assertThat(records.findValuesAsText("verdict")).containsExactly("FAILED", "OVERRIDDEN");
    assertThat(records.get(1).path("approvedBy").asText()).isEqualTo("manager1");
    assertThat(rep1().get("/api/opportunities/" + code).json().path("stage").asText()).isEqualTo("DISCOVER");
  }

  @Test
  void shouldRefuseABrokenRuleSetAndActivateAGoodOne() {
    ApiClient ops = ApiClient.as(port, "ops1");
    String before = ops.get("/api/rules").json().path("active").asText();
    java.util.Map<String, byte[]> files = new java.util.TreeMap<>(io.oppflow.gate.internal.RuleFiles.read(java.nio.file.Path.of("rules")).all());
    files.put("projectsales/broken.drl", "package projectsales;\nrule \"X\" when then nonsense(;\nend\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    ApiClient.Response refused = ops.postFiles("/api/rules", "files", files);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().path("errors").findValuesAsText("file")).contains("projectsales/broken.drl");
    assertThat(ops.get("/api/rules").json().path("active").asText()).isEqualTo(before);

    files.put("projectsales/broken.drl", "package projectsales;\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    ApiClient.Response accepted = ops.postFiles("/api/rules", "files", files);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    String code = Opportunities.freshCode("RV");
    rep1().post("/api/opportunities", Opportunities.minimal(code).toString());
    assertThat(rep1().post("/api/opportunities/" + code + "/advance", null).json().path("rulesVersion").asText())
        .isEqualTo(accepted.json().path("version").asText());
    // ShippedRules reactivates the shipped rules after this test
  }

  static List<String> codes(JsonNode criteria) {
    List<String> codes = new ArrayList<>();
    criteria.forEach(c -> codes.add(c.path("code").asText()));
    return codes;
  }
}

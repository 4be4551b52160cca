package io.oppflow.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;
import io.oppflow.support.Opportunities;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * GET /api/opportunities/{code}/stages: every stage an opportunity was in, entered and left when and how, from the
 * stage intervals the funnel counts and the gate records that let it out; read as the opportunity itself is read.
 */
@H2ServiceTest
class StageTimelineTests {

  @LocalServerPort int port;

  private ApiClient as(String user) {
    return ApiClient.as(port, user);
  }

  private String open(com.fasterxml.jackson.databind.node.ObjectNode body) {
    ApiClient.Response r = as("rep1").post("/api/opportunities", body.toString());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return body.path("code").asText();
  }

  private String advance(String code) {
    ApiClient.Response r = as("rep1").post("/api/opportunities/" + code + "/advance", null);
    assertThat(r.status()).as(r.toString()).isLessThan(300);
    return r.json().path("verdict").asText();
  }

  private JsonNode stages(String user, String code) {
    ApiClient.Response r = as(user).get("/api/opportunities/" + code + "/stages");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  private static List<String> values(JsonNode list, String field) {
    List<String> values = new ArrayList<>();
    list.forEach(v -> values.add(v.path(field).isMissingNode() ? null : v.path(field).asText()));
    return values;
  }

  private void move(String code, String from, String to) {
    String instance = as("rep1").get("/api/opportunities/" + code).json().path("processInstanceId").asText();
    ApiClient.Response moved = ApiClient.as(port, "admin", "demo").post("/engine-rest/process-instance/" + instance
        + "/modification", """
        {"instructions": [
           {"type": "cancel", "activityId": "Stage_%s"},
           {"type": "startBeforeActivity", "activityId": "Stage_%s"}]}""".formatted(from, to));
    assertThat(moved.status()).as(moved.toString()).isEqualTo(204);
  }

  @Test
  void shouldShowEachStageLeftThroughItsGateWithWhoAskedAndTheRecordThatLetItOut() {
    String code = open(Opportunities.qualified(Opportunities.freshCode("TL")));
    assertThat(advance(code)).isEqualTo("PASSED");
    assertThat(advance(code)).isEqualTo("PASSED");

    JsonNode timeline = stages("manager1", code);

    assertThat(values(timeline, "stage")).containsExactly("TARGET", "DISCOVER", "CONFIRM_INTENT");
    assertThat(values(timeline, "entry")).containsExactly("FIRST", "NEXT", "NEXT");
    assertThat(values(timeline, "how")).containsExactly("GATE_PASSED", "GATE_PASSED", "IN_STAGE");
    assertThat(values(timeline, "by")).containsExactly("rep1", "rep1", null);
    JsonNode records = as("manager1").get("/api/opportunities/" + code + "/gate-records").json();
    assertThat(timeline.get(0).path("gateRecordId").asLong()).isEqualTo(records.get(0).path("id").asLong());
    assertThat(timeline.get(1).path("gateRecordId").asLong()).isEqualTo(records.get(1).path("id").asLong());
    assertThat(timeline.get(0).path("name").path("zh").asText()).isNotBlank().isNotEqualTo("TARGET");
    assertThat(timeline.get(0).path("name").path("en").asText()).isNotBlank().isNotEqualTo("TARGET");
    assertThat(timeline.get(0).path("leftAt").asText()).isNotBlank();
    assertThat(timeline.get(2).path("leftAt").isMissingNode()).isTrue();
    assertThat(java.time.Instant.parse(timeline.get(2).path("enteredAt").asText()))
        .isAfterOrEqualTo(java.time.Instant.parse(timeline.get(1).path("leftAt").asText()));
  }

  @Test
  void shouldShowAnExceptedGateWithItsApproverAndTheStageLost() {
    String code = open(Opportunities.minimal(Opportunities.freshCode("TL")));
    assertThat(advance(code)).isEqualTo("FAILED");
    ApiClient.Response asked = as("rep1").post("/api/opportunities/" + code + "/exceptions", "{\"reason\": \"strategic\"}");
    assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
    ApiClient.Response approved = as("manager1").post("/api/exceptions/" + asked.json().path("id").asLong() + "/approve",
        "{\"reason\": \"worth it\"}");
    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    as("rep1").post("/api/opportunities/" + code + "/lose", "{\"reason\": \"COMPETITOR\", \"competitor\": \"Rival\"}");

    JsonNode timeline = stages("rep1", code);

    assertThat(values(timeline, "stage")).containsExactly("TARGET", "DISCOVER");
    assertThat(values(timeline, "how")).containsExactly("EXCEPTION", "LOST");
    JsonNode target = timeline.get(0);
    assertThat(target.path("by").asText()).isEqualTo("manager1");
    assertThat(target.path("requestedBy").asText()).isEqualTo("rep1");
    assertThat(target.path("exceptionId").asLong()).isEqualTo(asked.json().path("id").asLong());
    // the failed evaluation and the OVERRIDDEN record that let it out
    assertThat(target.path("gateRecordIds")).hasSize(2);
    assertThat(target.path("gateRecordId").asLong()).isEqualTo(target.path("gateRecordIds").get(1).asLong());
  }

  @Test
  void shouldShowAStageLeftByAnAdministratorsMoveWithWhoMovedItAndAStageEnteredAgain() {
    String code = open(Opportunities.qualified(Opportunities.freshCode("TL")));
    assertThat(advance(code)).isEqualTo("PASSED");
    move(code, "DISCOVER", "TARGET");
    move(code, "TARGET", "INITIATE_PROJECT");

    JsonNode timeline = stages("manager1", code);

    assertThat(values(timeline, "stage")).containsExactly("TARGET", "DISCOVER", "TARGET", "INITIATE_PROJECT");
    assertThat(values(timeline, "entry")).containsExactly("FIRST", "NEXT", "REOPENED", "SKIPPED");
    assertThat(values(timeline, "how")).containsExactly("GATE_PASSED", "MOVED", "MOVED", "IN_STAGE");
    // who let a moved stage out: the administrator who moved the process instance, not a gate
    assertThat(values(timeline, "by")).containsExactly("rep1", "admin", "admin", null);
    assertThat(timeline.get(1).path("gateRecordId").isMissingNode()).isTrue();
  }

  @Test
  void shouldBeReadAsTheOpportunityIsRead() {
    String code = open(Opportunities.minimal(Opportunities.freshCode("TL")));

    assertThat(as("rep2").get("/api/opportunities/" + code).status()).isEqualTo(403);
    assertThat(as("rep2").get("/api/opportunities/" + code + "/stages").status()).isEqualTo(403);
    assertThat(as("expert1").get("/api/opportunities/" + code + "/stages").status()).isEqualTo(200);
    ApiClient.Response missing = as("manager1").get("/api/opportunities/NO-SUCH-CODE-X1/stages");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.contentType()).contains("application/problem+json");
    assertThat(ApiClient.anonymous(port).get("/api/opportunities/" + code + "/stages").status()).isEqualTo(401);
  }
}

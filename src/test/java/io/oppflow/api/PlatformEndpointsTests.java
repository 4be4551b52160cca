package io.oppflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What answers without a login (health only) and what needs one: Camunda REST, webapps' API, docs, metrics. */
@H2ServiceTest
class PlatformEndpointsTests {

  @LocalServerPort int port;

  @Test
  void shouldAnswerHealthAnonymously() {
    assertThat(ApiClient.anonymous(port).get("/actuator/health").status()).isEqualTo(200);
  }

  @Test
  void shouldRefuseAnonymousCallsEverywhereElse() {
    ApiClient anonymous = ApiClient.anonymous(port);
    for (String path : new String[] {"/api/opportunities", "/engine-rest/process-definition", "/engine-rest/user",
        "/engine-rest/task", "/camunda/api/engine/engine/default/process-definition", "/v3/api-docs",
        "/actuator/prometheus", "/actuator/metrics", "/engine-rest/engine", "/engine-rest/version",
        "/api/org-units/members/rep1"}) {
      assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
    }
  }

  @Test
  void shouldSendAnonymousBrowsersFromThePagesToSignIn() {
    ApiClient anonymous = ApiClient.anonymous(port);
    for (String path : new String[] {"/", "/funnel", "/pages/session", "/pages/css/pages.css", "/pages/funnel.html",
        "/_static/echarts/6.0.0/dist/echarts.esm.min.js"}) {
      assertThat(anonymous.get(path).status()).as(path).isEqualTo(302);
    }
  }

  @Test
  void shouldNotLetAnonymousCreateUsersThroughCamundaRest() {
    ApiClient.Response r = ApiClient.anonymous(port).post("/engine-rest/user/create",
        "{\"profile\": {\"id\": \"intruder\"}, \"credentials\": {\"password\": \"x\"}}");
    assertThat(r.status()).isEqualTo(401);
    assertThat(ApiClient.as(port, "admin").get("/engine-rest/user?id=intruder").body()).isEqualTo("[]");
  }

  @Test
  void shouldServeCamundaRestToSignedInUsersWithinTheirAuthorizations() {
    assertThat(ApiClient.as(port, "rep1").get("/engine-rest/process-definition?key=project-sales-funnel").body())
        .contains("project-sales-funnel");
    assertThat(ApiClient.as(port, "rep1").post("/engine-rest/user/create",
        "{\"profile\": {\"id\": \"sneaky\"}, \"credentials\": {\"password\": \"sneaky-password\"}}").status()).isEqualTo(403);
  }

  @Test
  void shouldLetOnlySalesOpsPlaceUsersInOrgUnits() {
    assertThat(ApiClient.as(port, "rep1").get("/api/org-units/members/rep1").json().path("orgUnit").asText())
        .isEqualTo("HQ/East/Shanghai-1");
    assertThat(ApiClient.as(port, "manager1").put("/api/org-units/members/rep9", "{\"orgUnit\": \"HQ/East\"}").status())
        .isEqualTo(403);
    assertThat(ApiClient.as(port, "ops1").put("/api/org-units/members/rep9", "{\"orgUnit\": \"HQ//East\"}").status())
        .isEqualTo(400);
    assertThat(ApiClient.as(port, "ops1").put("/api/org-units/members/rep9", "{\"orgUnit\": \"HQ/South/Guangzhou-1\"}").status())
        .isEqualTo(200);
    assertThat(ApiClient.as(port, "ops1").get("/api/org-units/members/rep9").json().path("orgUnit").asText())
        .isEqualTo("HQ/South/Guangzhou-1");
  }

  @Test
  void shouldLetSalesOpsDeployFromTheModelerButNotReps() {
    String bpmn = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
        + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"t\"><process id=\"ops-draft\" isExecutable=\"true\" "
        + "camunda:historyTimeToLive=\"1\"><startEvent id=\"s\"/></process></definitions>";
    assertThat(ApiClient.as(port, "ops1").postMultipart("/engine-rest/deployment/create", "ops-draft.bpmn", bpmn).status())
        .isEqualTo(200);
    assertThat(ApiClient.as(port, "rep1").postMultipart("/engine-rest/deployment/create", "rep-draft.bpmn", bpmn).status())
        .isEqualTo(403);
  }

  @Test
  void shouldServeTheOpenApiDocumentToSignedInUsersAndMetricsToOperations() {
    ApiClient.Response docs = ApiClient.as(port, "rep1").get("/v3/api-docs");
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.body()).contains("/api/opportunities/{code}/advance").doesNotContain("\"actor\"");
    // an export endpoint documents its format parameter, not the argument it is resolved into
    com.fasterxml.jackson.databind.JsonNode funnel = docs.json().path("paths").path("/api/funnel").path("get").path("parameters");
    assertThat(funnel.findValuesAsText("name")).contains("format", "groupBy").doesNotContain("export", "accept");
    assertThat(docs.json().path("paths").path("/api/opportunities").path("get").path("parameters").findValuesAsText("name"))
        .doesNotContain("format");
    ApiClient.Response metrics = ApiClient.as(port, "ops1").get("/actuator/prometheus", "text/plain");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    assertThat(ApiClient.as(port, "admin").get("/actuator/prometheus", "text/plain").status()).isEqualTo(200);
    assertThat(ApiClient.as(port, "rep1").get("/actuator/prometheus", "text/plain").status()).isEqualTo(403);
    assertThat(ApiClient.as(port, "manager1").get("/actuator/metrics").status()).isEqualTo(403);
  }
}

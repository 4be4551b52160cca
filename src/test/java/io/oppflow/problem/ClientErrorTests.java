package io.oppflow.problem;

import io.oppflow.shared.InvalidRequestException;
import static org.assertj.core.api.Assertions.assertThat;

import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;
import io.oppflow.support.Opportunities;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The malformed requests that once answered 5xx (or leaked internals) now answer 4xx with a clean body, on
 * our API, on {@code /engine-rest} and on the webapps' engine API.
 */
@H2ServiceTest
class ClientErrorTests {

  /** What no response body may carry: class names, stack traces, SQL. */
  static final Pattern INTERNALS = Pattern.compile(
      "\\b(java|javax|jakarta|org|com|io)\\.[a-z]+\\.[A-Za-z.]+|Exception:|at io\\.|(?i:insert into)|select |ERROR: ");

  static final String BPMN_XXE = """
      <?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
      <process id="xxe" isExecutable="true"><documentation>&x;</documentation></process></definitions>""";
  static final String BPMN_LAUGHS = """
      <?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
      <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
      <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
      <process id="laughs" isExecutable="true"><documentation>&f;</documentation></process></definitions>""";

  @LocalServerPort int port;

  @Test
  void shouldRefuseAnUnknownSortPropertyWith400NamingSort() {
    ApiClient.Response r = ApiClient.as(port, "ops1").get("/api/opportunities?sort=nosuchfield,asc");
    assertClean(r, 400);
    assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("sort");
  }

  @Test
  void shouldRefuseAMultipartBodyOnAJsonEndpointWith4xx() {
    ApiClient.Response r = ApiClient.as(port, "rep1").postMultipart("/api/opportunities", "x.json", "{}");
    assertClean(r, 415);
  }

  @Test
  void shouldRefuseHostileOrMalformedBpmnWith400() {
    for (String bpmn : new String[] {BPMN_XXE, BPMN_LAUGHS, "<definitions><process id=\"broken\"", "not xml at all"}) {
      ApiClient.Response r = ApiClient.as(port, "ops1").postMultipart("/engine-rest/deployment/create", "hostile.bpmn", bpmn);
      assertClean(r, 400);
      assertThat(r.body()).doesNotContain("root:");
    }
  }

  @Test
  void shouldRefuseNegativePagingOnEngineRestWith400() {
    assertClean(ApiClient.as(port, "ops1").get("/engine-rest/history/process-instance?firstResult=-5&maxResults=10"), 400);
    HttpResponse<String> webapp = WebappSession.signIn(port, "ops1", "demo")
        .get("/camunda/api/engine/engine/default/task?firstResult=-5&maxResults=10");
    assertClean(new ApiClient.Response(webapp.statusCode(), webapp.body(), List.of(), ""), 400);
    assertClean(ApiClient.as(port, "ops1").post("/engine-rest/external-task/fetchAndLock",
        "{\"workerId\": \"w\", \"maxTasks\": -1, \"topics\": [{\"topicName\": \"t\", \"lockDuration\": 1000}]}"), 400);
  }

  @Test
  void shouldAnswerCompletingAnUnknownTaskWith404() {
    assertClean(ApiClient.as(port, "rep1").post("/engine-rest/task/no-such-task/complete", "{}"), 404);
  }

  @Test
  void shouldRefuseMalformedJsonOnEngineRestWithoutClassNames() {
    assertClean(ApiClient.as(port, "rep1").post("/engine-rest/task/no-such-task/complete", "{\"variables\": [1, 2"), 400);
    assertClean(ApiClient.as(port, "rep1").post("/engine-rest/task/no-such-task/complete", "{\"variables\": 5}"), 400);
  }

  @Test
  void shouldAnswerADomainRefusalInsideATaskListenerWith400AndItsMessage() {
    String code = Opportunities.freshCode("ERR");
    assertThat(ApiClient.as(port, "rep1").post("/api/opportunities", Opportunities.minimal(code).toString()).status())
        .isEqualTo(201);
    String taskId = ApiClient.as(port, "rep1").get("/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + code)
        .json().get(0).path("id").asText();
    // the stage form's action, submitted as Tasklist's form would, is checked by the complete listener
    ApiClient.Response r = ApiClient.as(port, "rep1").post("/engine-rest/task/" + taskId + "/submit-form",
        "{\"variables\": {\"stageAction\": {\"value\": \"BOGUS\"}}}");
    assertClean(r, 400);
    assertThat(r.json().path("type").asText()).isEqualTo("InvalidRequestException");
    assertThat(r.json().path("message").asText()).contains("stageAction").contains("ADVANCE, LOSE or REQUEST_EXCEPTION");
  }

  @Test
  void shouldRefuseANullJsonBodyOnEngineRestWith400() {
    assertClean(ApiClient.as(port, "rep1").post("/engine-rest/task/no-such-task/complete", "null"), 400);
    assertClean(ApiClient.as(port, "admin").post("/engine-rest/process-definition/key/project-sales-funnel/start", "null"), 400);
  }

  @Test
  void shouldAnswerTheBareErrorPageWith404() {
    assertClean(ApiClient.anonymous(port).get("/error"), 404);
    assertClean(ApiClient.as(port, "rep1").get("/error"), 404);
  }

  @Test
  void shouldKeepTheEngineNamesOpenForTheWebappLoginPage() {
    // The webapps' login (camunda-commons-ui) reads engine://engine/ before it posts the credentials.
    ApiClient.Response r = ApiClient.anonymous(port).get("/camunda/api/engine/engine/");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("[{\"name\":\"default\"}]");
  }

  static void assertClean(ApiClient.Response r, int status) {
    assertThat(r.status()).as("status of %s", r).isEqualTo(status);
    assertThat(INTERNALS.matcher(r.body()).find()).as("internals in %s", r.body()).isFalse();
  }
}

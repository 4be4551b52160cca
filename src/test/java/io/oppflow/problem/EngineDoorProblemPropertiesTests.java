package io.oppflow.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A refusal raised inside an engine command keeps every property of its problem on the engine's doors, not only
 * {@code errors}: the "which process?" refusal of {@code StageProcesses} with its {@code choices}, as our API answers
 * it. No shipped engine path asks for a process without naming it (the engine always starts a named definition), so
 * a probe process raises it from a service task, as any delegate or listener could raise a refusal of its module.
 */
@H2ServiceTest
class EngineDoorProblemPropertiesTests {

  private static final String PROBE = "Process_ChoiceProbe";

  @LocalServerPort int port;
  @Autowired RepositoryService repository;

  private String deployment;

  @BeforeEach
  void deployProbe() {
    BpmnModelInstance probe = Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(1)
        .startEvent()
        .serviceTask("Task_ResolveUnnamedProcess").camundaExpression("${stageProcesses.resolve('')}")
        .endEvent()
        .done();
    deployment = repository.createDeployment().name("choice-probe").addModelInstance(PROBE + ".bpmn", probe)
        .deploy().getId();
  }

  @AfterEach
  void removeProbe() {
    repository.deleteDeployment(deployment, true);
  }

  @Test
  void shouldKeepTheChoicesOfAnUnnamedProcessOnEngineRestAsOurApiGivesThem() {
    ApiClient.Response api = ApiClient.as(port, "ops1").get("/api/funnel");
    assertThat(api.status()).as(api.toString()).isEqualTo(400);
    List<String> choices = texts(api.json().path("choices"));
    assertThat(choices).as("several stage processes are deployed").contains("project-sales-funnel", "classic-funnel");

    ApiClient.Response engine = ApiClient.as(port, "admin")
        .post("/engine-rest/process-definition/key/" + PROBE + "/start", "{}");

    ClientErrorTests.assertClean(engine, 400);
    JsonNode body = engine.json();
    assertThat(body.path("type").asText()).isEqualTo("InvalidRequestException");
    assertThat(body.path("message").asText()).isEqualTo(api.json().path("detail").asText());
    assertThat(body.path("errors").get(0).path("field").asText()).isEqualTo("process");
    assertThat(texts(body.path("choices"))).isEqualTo(choices);
  }

  @Test
  void shouldKeepTheChoicesWhenAStartFormIsSubmitted() {
    ApiClient.Response engine = ApiClient.as(port, "admin")
        .post("/engine-rest/process-definition/key/" + PROBE + "/submit-form", "{\"variables\": {}}");

    ClientErrorTests.assertClean(engine, 400);
    assertThat(engine.json().path("errors").get(0).path("field").asText()).isEqualTo("process");
    assertThat(texts(engine.json().path("choices"))).contains("project-sales-funnel", "classic-funnel");
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}

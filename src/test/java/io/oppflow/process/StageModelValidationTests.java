package io.oppflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A stage process is refused at deployment when it would run without its gates, also when Camunda
 * Modeler deploys it through /engine-rest/deployment/create; the message names the element.
 */
@H2ServiceTest
class StageModelValidationTests {

  @LocalServerPort int port;
  @Autowired RepositoryService repository;

  static String process(String key, String stageProperties, String gateStage) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" targetNamespace="http://oppflow.io/test">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="30">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Stage_TARGET" />
            <bpmn:subProcess id="Stage_TARGET">
              <bpmn:extensionElements>
                <camunda:properties>%s</camunda:properties>
                <camunda:executionListener delegateExpression="${stageEntered}" event="start" />
              </bpmn:extensionElements>
              <bpmn:startEvent id="StageStart_TARGET" />
              <bpmn:sequenceFlow id="Flow_2" sourceRef="StageStart_TARGET" targetRef="Gate_TARGET" />
              <bpmn:serviceTask id="Gate_TARGET" camunda:delegateExpression="${checkStageGate}">
                <bpmn:extensionElements>
                  <camunda:inputOutput><camunda:inputParameter name="stage">%s</camunda:inputParameter></camunda:inputOutput>
                </bpmn:extensionElements>
              </bpmn:serviceTask>
              <bpmn:sequenceFlow id="Flow_3" sourceRef="Gate_TARGET" targetRef="StageEnd_TARGET" />
              <bpmn:endEvent id="StageEnd_TARGET" />
            </bpmn:subProcess>
            <bpmn:sequenceFlow id="Flow_4" sourceRef="Stage_TARGET" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key, stageProperties, gateStage);
  }

  static final String COMPLETE_STAGE = "<camunda:property name=\"stageCode\" value=\"TARGET\" />"
      + "<camunda:property name=\"stageOrder\" value=\"1\" /><camunda:property name=\"winProbability\" value=\"0.05\" />";

  ApiClient.Response deployAsModelerWould(String name, String bpmn) {
    return ApiClient.as(port, "ops1").postMultipart("/engine-rest/deployment/create", name, bpmn);
  }

  @Test
  void shouldRefuseAGateForAStageWithoutRulesNamingTheElement() {
    ApiClient.Response refused = deployAsModelerWould("p1.bpmn", process("project-sales-funnel", COMPLETE_STAGE, "NO_SUCH_STAGE"));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.body()).contains("Gate_TARGET").contains("NO_SUCH_STAGE").contains("no rules in the active rule set");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("project-sales-funnel").latestVersion()
        .singleResult().getDeploymentId()).as("the shipped version keeps serving")
        .isEqualTo(repository.createDeploymentQuery().deploymentName("oppflow-processes").orderByDeploymentTime().desc()
            .list().get(0).getId());
  }

  @Test
  void shouldRefuseAStageWithoutCodeOrProbabilityNamingTheElement() {
    ApiClient.Response refused = deployAsModelerWould("p2.bpmn",
        process("draft-funnel", "<camunda:property name=\"stageOrder\" value=\"1\" />", "TARGET"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("Stage_TARGET").contains("stageCode").contains("winProbability");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("draft-funnel").count()).isZero();
  }

  @Test
  void shouldAcceptAStageProcessWhoseStagesAreCompleteAndWhoseGatesHaveRules() {
    ApiClient.Response accepted = deployAsModelerWould("p3.bpmn", process("project-sales-funnel", COMPLETE_STAGE, "TARGET"));
    try {
      assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    } finally {
      // Take the test version away again: other tests start the shipped process.
      repository.deleteDeployment(accepted.json().path("id").asText(), true);
    }
  }

  @Test
  void shouldRefuseAGateOfAProcessThatNoRuleNames() {
    ApiClient.Response refused = deployAsModelerWould("p4.bpmn", process("draft-covered", COMPLETE_STAGE, "TARGET"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("Gate_TARGET").contains("draft-covered");
  }

  @Test
  void shouldRefuseADwellLimitThatNoTimerWaitsFor() {
    ApiClient.Response refused = deployAsModelerWould("p5.bpmn", process("draft-dwell",
        COMPLETE_STAGE + "<camunda:property name=\"dwellLimit\" value=\"P14D\" />", "TARGET"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("Stage_TARGET").contains("dwellLimit").contains("no timer");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("draft-dwell").count()).isZero();
  }

  @Test
  void shouldRefuseADwellLimitThatIsNotADuration() {
    ApiClient.Response refused = deployAsModelerWould("p6.bpmn", process("draft-dwell",
        COMPLETE_STAGE + "<camunda:property name=\"dwellLimit\" value=\"14 days\" />", "TARGET"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("Stage_TARGET").contains("ISO-8601");
  }
}

package io.oppflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;
import io.oppflow.support.Opportunities;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A gate record and the stage change it allows commit together or not at all: here the gate passes and
 * is recorded, then entering the next stage fails, and neither the record nor the move survives.
 */
@H2ServiceTest
class GateAtomicityTests {

  private static final String PROBE = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Probe" targetNamespace="http://oppflow.io/test">
        <bpmn:process id="atomicity-probe" isExecutable="true" camunda:historyTimeToLive="1">
          <bpmn:startEvent id="Start" />
          <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Stage_ONE" />
          <bpmn:subProcess id="Stage_ONE">
            <bpmn:extensionElements>
              <camunda:properties><camunda:property name="stageCode" value="ONE" /></camunda:properties>
              <camunda:executionListener delegateExpression="${stageEntered}" event="start" />
            </bpmn:extensionElements>
            <bpmn:startEvent id="StageStart_ONE" />
            <bpmn:sequenceFlow id="Flow_2" sourceRef="StageStart_ONE" targetRef="Task_ONE" />
            <bpmn:userTask id="Task_ONE" camunda:assignee="${owner}">
              <bpmn:extensionElements>
                <camunda:taskListener delegateExpression="${prefillStageForm}" event="create" />
                <camunda:taskListener delegateExpression="${applyStageForm}" event="complete" />
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="Flow_3" sourceRef="Task_ONE" targetRef="Gate_ONE" />
            <bpmn:serviceTask id="Gate_ONE" camunda:delegateExpression="${checkStageGate}">
              <bpmn:extensionElements>
                <camunda:inputOutput><camunda:inputParameter name="stage">ONE</camunda:inputParameter></camunda:inputOutput>
              </bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:sequenceFlow id="Flow_4" sourceRef="Gate_ONE" targetRef="StageEnd_ONE" />
            <bpmn:endEvent id="StageEnd_ONE" />
          </bpmn:subProcess>
          <bpmn:sequenceFlow id="Flow_5" sourceRef="Stage_ONE" targetRef="Stage_BROKEN" />
          <bpmn:subProcess id="Stage_BROKEN">
            <bpmn:extensionElements>
              <camunda:executionListener delegateExpression="${stageEntered}" event="start" />
            </bpmn:extensionElements>
            <bpmn:startEvent id="StageStart_BROKEN" />
            <bpmn:sequenceFlow id="Flow_6" sourceRef="StageStart_BROKEN" targetRef="StageEnd_BROKEN" />
            <bpmn:endEvent id="StageEnd_BROKEN" />
          </bpmn:subProcess>
          <bpmn:sequenceFlow id="Flow_7" sourceRef="Stage_BROKEN" targetRef="End" />
          <bpmn:endEvent id="End" />
        </bpmn:process>
      </bpmn:definitions>
      """;

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired TaskService tasks;

  @BeforeEach
  void deployTheProbe() {
    repository.createDeployment().name("atomicity-probe").enableDuplicateFiltering(true)
        .addString("atomicity-probe.bpmn", PROBE).deploy();
  }

  @Test
  void shouldKeepNeitherTheGateRecordNorTheStageChangeWhenTheAdvanceFails() {
    String code = Opportunities.freshCode("ATOM");
    ApiClient rep1 = ApiClient.as(port, "rep1");
    assertThat(rep1.post("/api/opportunities", Opportunities.minimal(code).put("process", "atomicity-probe").toString()).status())
        .isEqualTo(201);

    ApiClient.Response advance = rep1.post("/api/opportunities/" + code + "/advance", null);

    assertThat(advance.status()).isEqualTo(500);
    assertThat(advance.body()).doesNotContain("IllegalStateException").doesNotContain("\tat ");
    assertThat(rep1.get("/api/opportunities/" + code + "/gate-records").json()).isEmpty();
    assertThat(rep1.get("/api/opportunities/" + code).json().path("stage").asText()).isEqualTo("ONE");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("Task_ONE").count()).isEqualTo(1);
  }
}

package io.oppflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.oppflow.gate.internal.RuleFiles;
import io.oppflow.organization.Actor;
import io.oppflow.organization.Role;
import io.oppflow.gate.internal.RuleSetFiles;
import io.oppflow.gate.internal.RuleSetService;
import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;
import io.oppflow.support.Opportunities;
import io.oppflow.support.ShippedRules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A gate record and the stage change it allows commit together or not at all: here the gate passes and
 * is recorded, then the step after the stage fails, and neither the record nor the move survives.
 */
@H2ServiceTest
@ExtendWith(ShippedRules.class)
class GateAtomicityTests {

  // After the stage the win is recorded twice: the second time the opportunity is already won and refuses.
  private static final String PROBE = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Probe" targetNamespace="http://oppflow.io/test">
        <bpmn:process id="atomicity-probe" isExecutable="true" camunda:historyTimeToLive="1">
          <bpmn:startEvent id="Start" />
          <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Stage_ONE" />
          <bpmn:subProcess id="Stage_ONE">
            <bpmn:extensionElements>
              <camunda:properties>
                <camunda:property name="stageCode" value="ONE" />
                <camunda:property name="stageOrder" value="1" />
                <camunda:property name="winProbability" value="0.5" />
              </camunda:properties>
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
          <bpmn:sequenceFlow id="Flow_5" sourceRef="Stage_ONE" targetRef="Task_RecordWin" />
          <bpmn:serviceTask id="Task_RecordWin" camunda:delegateExpression="${recordWin}" />
          <bpmn:sequenceFlow id="Flow_6" sourceRef="Task_RecordWin" targetRef="Task_RecordWinAgain" />
          <bpmn:serviceTask id="Task_RecordWinAgain" camunda:delegateExpression="${recordWin}" />
          <bpmn:sequenceFlow id="Flow_7" sourceRef="Task_RecordWinAgain" targetRef="End" />
          <bpmn:endEvent id="End" />
        </bpmn:process>
      </bpmn:definitions>
      """;

  private static final String PROBE_RULE = """
      package probe;
      import io.oppflow.gate.GateRequest;
      import io.oppflow.gate.Finding;
      import io.oppflow.opportunity.Opportunity;
      rule "ONE-01 the probe's customer is named"
      when
        GateRequest( process == "atomicity-probe", stage == "ONE" )
        Opportunity( customer.name == null )
      then
        insert( Finding.blocking( "ONE-01", "客户名称缺失", "The customer has no name" ) );
      end
      """;

  private static final Actor OPS1 = new Actor("ops1", Set.of(Role.OPS), Optional.empty());

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired TaskService tasks;
  @Autowired RuleSetService rules;

  @BeforeEach
  void activateRulesForTheProbeAndDeployIt() {
    Map<String, byte[]> files = new TreeMap<>(RuleFiles.read(Path.of("rules")).all());
    files.put("probe/atomicity.drl", PROBE_RULE.getBytes(StandardCharsets.UTF_8));
    rules.upload(new RuleSetFiles(files), OPS1);
    repository.createDeployment().name("atomicity-probe").enableDuplicateFiltering(true)
        .addString("atomicity-probe.bpmn", PROBE).deploy();
  }

  @AfterEach
  void removeTheProbe() {
    // The shipped rules do not cover the probe's gate: the probe goes first (here), then ShippedRules
    // reactivates them, or they could not return.
    repository.createDeploymentQuery().deploymentName("atomicity-probe").list()
        .forEach(d -> repository.deleteDeployment(d.getId(), true));
  }

  @Test
  void shouldKeepNeitherTheGateRecordNorTheStageChangeWhenTheAdvanceFails() {
    String code = Opportunities.freshCode("ATOM");
    ApiClient rep1 = ApiClient.as(port, "rep1");
    assertThat(rep1.post("/api/opportunities", Opportunities.minimal(code).put("process", "atomicity-probe").toString()).status())
        .isEqualTo(201);

    ApiClient.Response advance = rep1.post("/api/opportunities/" + code + "/advance", null);

    assertThat(advance.status()).isEqualTo(409);
    assertThat(advance.body()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(rep1.get("/api/opportunities/" + code + "/gate-records").json()).isEmpty();
    assertThat(rep1.get("/api/opportunities/" + code).json().path("stage").asText()).isEqualTo("ONE");
    assertThat(rep1.get("/api/opportunities/" + code).json().path("status").asText()).isEqualTo("OPEN");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("Task_ONE").count()).isEqualTo(1);
  }
}

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
    return process(key, stageProperties, gateStage, REP_TASK.formatted("Task_TARGET", ""), "");
  }

  /** One stage TARGET: start, {@code repTask} (its id is read from it), the gate, end; plus {@code more} inside the stage. */
  static String process(String key, String stageProperties, String gateStage, String repTask, String more) {
    String taskId = repTask.replaceFirst("(?s).*?id=\"([^\"]+)\".*", "$1");
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
              <bpmn:sequenceFlow id="Flow_2" sourceRef="StageStart_TARGET" targetRef="%s" />
              %s
              <bpmn:sequenceFlow id="Flow_2b" sourceRef="%s" targetRef="Gate_TARGET" />
              <bpmn:serviceTask id="Gate_TARGET" camunda:delegateExpression="${checkStageGate}">
                <bpmn:extensionElements>
                  <camunda:inputOutput><camunda:inputParameter name="stage">%s</camunda:inputParameter></camunda:inputOutput>
                </bpmn:extensionElements>
              </bpmn:serviceTask>
              <bpmn:sequenceFlow id="Flow_3" sourceRef="Gate_TARGET" targetRef="StageEnd_TARGET" />
              <bpmn:endEvent id="StageEnd_TARGET" />
              %s
            </bpmn:subProcess>
            <bpmn:sequenceFlow id="Flow_4" sourceRef="Stage_TARGET" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key, stageProperties, taskId, repTask, taskId, gateStage, more);
  }

  /** The rep's stage task: id, then further attributes. */
  static final String REP_TASK = """
      <bpmn:userTask id="%s" camunda:assignee="${owner}"%s>
        <bpmn:extensionElements>
          <camunda:taskListener delegateExpression="${prefillStageForm}" event="create" />
          <camunda:taskListener delegateExpression="${applyStageForm}" event="complete" />
        </bpmn:extensionElements>
      </bpmn:userTask>""";

  /** The exception branch's two elements, the approval task with its id and candidate users. */
  static String exceptionBranch(String approvalId, String candidateUsers) {
    return """
        <bpmn:serviceTask id="RequestException_TARGET" camunda:delegateExpression="${requestGateException}">
          <bpmn:extensionElements>
            <camunda:inputOutput><camunda:inputParameter name="stage">TARGET</camunda:inputParameter></camunda:inputOutput>
          </bpmn:extensionElements>
        </bpmn:serviceTask>
        <bpmn:sequenceFlow id="Flow_5" sourceRef="RequestException_TARGET" targetRef="%s" />
        <bpmn:userTask id="%s" camunda:formRef="form-gate-exception" camunda:formRefBinding="latest"%s>
          <bpmn:extensionElements>
            <camunda:taskListener delegateExpression="${decideGateException}" event="complete" />
          </bpmn:extensionElements>
        </bpmn:userTask>""".formatted(approvalId, approvalId,
        candidateUsers == null ? "" : " camunda:candidateUsers=\"" + candidateUsers + "\"");
  }

  static final String COMPLETE_STAGE = "<camunda:property name=\"stageCode\" value=\"TARGET\" />"
      + "<camunda:property name=\"stageOrder\" value=\"1\" /><camunda:property name=\"winProbability\" value=\"0.05\" />";

  ApiClient.Response deployAsModelerWould(String name, String bpmn) {
    return ApiClient.as(port, "ops1").postMultipart("/engine-rest/deployment/create", name, bpmn);
  }

  /** A deployment that should be refused; should it be accepted, it is taken away again so other tests run on the shipped one. */
  ApiClient.Response deployExpectingRefusal(String name, String content) {
    ApiClient.Response response = deployAsModelerWould(name, content);
    if (response.status() == 200) {
      repository.deleteDeployment(response.json().path("id").asText(), true);
    }
    return response;
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

  @Test
  void shouldRefuseAStageTaskThatIsNotNamedAfterItsStageNamingTheElementThePatternAndTheFile() {
    ApiClient.Response refused = deployExpectingRefusal("misnamed-task.bpmn", process("project-sales-funnel", COMPLETE_STAGE, "TARGET",
        REP_TASK.formatted("Task_Target", ""), ""));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.body()).contains("misnamed-task.bpmn")
        .contains("user task 'Task_Target' in stage 'Stage_TARGET' must have the id Task_TARGET").contains("Task_<STAGECODE>")
        .contains("阶段 'Stage_TARGET' 中的用户任务 'Task_Target' 的 id 须为 Task_TARGET");
    System.out.println("Refusal of a misnamed stage task: " + refused.json().path("message").asText().replace("\n", " "));
  }

  @Test
  void shouldRefuseAStageTaskWithoutTheFormListenersTheApiReliesOn() {
    String bare = "<bpmn:userTask id=\"Task_TARGET\" camunda:assignee=\"${owner}\" />";
    ApiClient.Response refused = deployExpectingRefusal("bare-task.bpmn", process("project-sales-funnel", COMPLETE_STAGE, "TARGET", bare, ""));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.body()).contains("Task_TARGET").contains("create ${prefillStageForm}").contains("complete ${applyStageForm}");
  }

  @Test
  void shouldRefuseATaskOfferedToEverySalesManager() {
    ApiClient.Response refused = deployExpectingRefusal("whole-group.bpmn", process("project-sales-funnel", COMPLETE_STAGE, "TARGET",
        REP_TASK.formatted("Task_TARGET", " camunda:candidateGroups=\"sales-expert,sales-manager\""), ""));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.body()).contains("Task_TARGET").contains("candidate group sales-manager")
        .contains("${opportunityManagers.of(execution)}");
    System.out.println("Refusal of a task for every manager: " + refused.json().path("message").asText().replace("\n", " "));
  }

  @Test
  void shouldRefuseAnApprovalTaskThatIsMisnamedOrNotRoutedToTheOpportunitysManagers() {
    ApiClient.Response refused = deployExpectingRefusal("approval.bpmn", process("project-sales-funnel", COMPLETE_STAGE, "TARGET",
        REP_TASK.formatted("Task_TARGET", ""), exceptionBranch("Task_TARGET_Approve", null)));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.body()).contains("element 'Task_TARGET_Approve' must have the id Task_TARGET_ApproveException")
        .contains("pattern Task_<STAGECODE>_ApproveException")
        .contains("manager's task 'Task_TARGET_Approve' must name the candidate users ${opportunityManagers.of(execution)}");
  }

  @Test
  void shouldAcceptAStageWithAnExceptionBranchRoutedToTheOpportunitysManagers() {
    ApiClient.Response accepted = deployAsModelerWould("branch.bpmn", process("project-sales-funnel", COMPLETE_STAGE, "TARGET",
        REP_TASK.formatted("Task_TARGET", ""), exceptionBranch("Task_TARGET_ApproveException", "${opportunityManagers.of(execution)}")));
    try {
      assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    } finally {
      if (accepted.status() == 200) {
        repository.deleteDeployment(accepted.json().path("id").asText(), true);
      }
    }
  }

  @Test
  void shouldRefuseAFormWithAFieldKeyTheServiceDoesNotKnowNamingTheKeyAndTheForm() throws Exception {
    String form = java.nio.file.Files.readString(java.nio.file.Path.of("processes/forms/form-stage-discover.form"))
        .replace("\"key\": \"budgetStatus\"", "\"key\": \"budget.stauts\"").replace("form-stage-discover", "form-typo");
    assertThat(form).contains("budget.stauts");

    ApiClient.Response refused = deployExpectingRefusal("form-typo.form", form);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.body()).contains("form-typo.form").contains("budget.stauts (budgetStatus?)")
        .contains("不是已知的商机字段或流程变量");
    assertThat(repository.createDeploymentQuery().deploymentName("form-typo.form").count()).isZero();
    System.out.println("Refusal of a form with a typo: " + refused.json().path("message").asText().replace("\n", " "));
  }
}

package io.oppflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oppflow.support.ApiClient;
import io.oppflow.support.BpmnAssertionsOnTheEngine;
import io.oppflow.support.H2ServiceTest;
import io.oppflow.support.Opportunities;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The stage processes as BPMN: the paths through them, the gates inside them, who gets each task. */
@H2ServiceTest
@ExtendWith(BpmnAssertionsOnTheEngine.class)
class StageProcessTests {

  private static final List<String> PROJECT_STAGES = List.of("TARGET", "DISCOVER", "CONFIRM_INTENT",
      "INITIATE_PROJECT", "WIN_RECOGNITION", "NEGOTIATE", "CLOSE");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;

  ApiClient rep1() {
    return ApiClient.as(port, "rep1");
  }

  @Test
  void shouldPassAllSevenStagesInOrderAndEndAsWon() {
    ProcessInstance instance = open(Opportunities.qualified(Opportunities.freshCode("WIN")));
    String code = instance.getBusinessKey();
    assertThat(rep1().patch("/api/opportunities/" + code, Opportunities.allRemainingFacts()).status()).isEqualTo(200);

    for (String stage : PROJECT_STAGES) {
      assertThat(instance).isWaitingAt("Task_" + stage);
      logEvidenceIfNeeded(code, stage);
      JsonNode result = rep1().post("/api/opportunities/" + code + "/advance", null).json();
      assertThat(result.path("verdict").asText()).as(stage + ": " + result).isEqualTo("PASSED");
    }

    assertThat(instance).isEnded().hasPassedInOrder(
        "Stage_TARGET", "Stage_DISCOVER", "Stage_CONFIRM_INTENT", "Stage_INITIATE_PROJECT",
        "Stage_WIN_RECOGNITION", "Stage_NEGOTIATE", "Stage_CLOSE", "Task_RecordWin", "End_Won");
    assertThat(instance).hasNotPassed("End_Lost");
    assertThat(rep1().get("/api/opportunities/" + code).json().path("status").asText()).isEqualTo("WON");
  }

  @Test
  void shouldKeepTheStageAndShowTheFailedCriteriaOnTheRepsTaskWhenTheGateFails() {
    ProcessInstance instance = open(Opportunities.minimal(Opportunities.freshCode("FAIL")));

    rep1().post("/api/opportunities/" + instance.getBusinessKey() + "/advance", null);

    assertThat(instance).isWaitingAt("Task_TARGET").hasPassed("Gate_TARGET").hasNotPassed("StageEnd_TARGET");
    assertThat(instance).variables().containsEntry("gatePassed", false);
    assertThat(task(instance)).isAssignedTo("rep1");
    Map<String, Object> formVariables = forms.getTaskFormVariables(task(instance).getId());
    assertThat(formVariables.get("gateFeedback").toString()).contains("TARGET-01").contains("目标客户群");
  }

  @Test
  void shouldEndAsLostFromTheMiddleOfTheFunnel() {
    ProcessInstance instance = open(Opportunities.qualified(Opportunities.freshCode("MID")));
    String code = instance.getBusinessKey();
    rep1().post("/api/opportunities/" + code + "/advance", null);
    rep1().post("/api/opportunities/" + code + "/advance", null);
    assertThat(instance).isWaitingAt("Task_CONFIRM_INTENT");

    rep1().post("/api/opportunities/" + code + "/lose", "{\"reason\": \"CUSTOMER_STOPPED\"}");

    assertThat(instance).isEnded().hasPassed("End_CONFIRM_INTENT_Lost", "Task_RecordLoss", "End_Lost")
        .hasNotPassed("Gate_CONFIRM_INTENT", "End_Won");
    assertThat(instance).variables().containsEntry("lossReason", "CUSTOMER_STOPPED");
  }

  @Test
  void shouldGiveStagesOneToThreeToTheOwnerAndLaterStagesToWhoeverWorksTheDealWithTheTeamAsCandidates() {
    ProcessInstance instance = open(Opportunities.qualified(Opportunities.freshCode("TEAM")));
    String code = instance.getBusinessKey();
    rep1().patch("/api/opportunities/" + code, Opportunities.allRemainingFacts());

    for (String stage : PROJECT_STAGES) {
      Task task = task(instance);
      assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_" + stage);
      // the owner works stages 1-3 and, having completed stage 3, keeps the deal from stage 4 on
      assertThat(task).isAssignedTo("rep1");
      if (PROJECT_STAGES.indexOf(stage) >= 3) {
        // the managers of the opportunity's org unit by name (manager1 manages HQ/East), not the whole group
        assertThat(candidates(task)).contains("group:sales-expert", "user:manager1", "user:rep1");
        assertThat(tasks.getIdentityLinksForTask(task.getId()))
            .noneMatch(l -> "sales-manager".equals(l.getGroupId()));
      }
      logEvidenceIfNeeded(code, stage);
      rep1().post("/api/opportunities/" + code + "/advance", null);
    }
    assertThat(instance).isEnded();
  }

  @Test
  void shouldAssignTheNextProjectTeamTaskToWhoeverCompletedThePreviousStageTask() {
    ProcessInstance instance = open(Opportunities.qualified(Opportunities.freshCode("WORKER")));
    String code = instance.getBusinessKey();
    rep1().patch("/api/opportunities/" + code, Opportunities.allRemainingFacts());
    rep1().post("/api/opportunities/" + code + "/advance", null);
    rep1().post("/api/opportunities/" + code + "/advance", null);
    logEvidenceIfNeeded(code, "CONFIRM_INTENT");

    // manager1 (HQ/East) completes stage 3 through the API ...
    assertThat(ApiClient.as(port, "manager1").post("/api/opportunities/" + code + "/advance", null).json()
        .path("verdict").asText()).isEqualTo("PASSED");

    // ... so stage 4 is theirs, and the rest of the team still sees it as candidates
    Task initiate = task(instance);
    assertThat(initiate.getTaskDefinitionKey()).isEqualTo("Task_INITIATE_PROJECT");
    assertThat(initiate).isAssignedTo("manager1");
    assertThat(candidates(initiate)).contains("user:rep1", "user:manager1", "group:sales-expert");
    assertThat(tasks.createTaskQuery().taskId(initiate.getId()).taskCandidateUser("expert1").includeAssignedTasks()
        .count()).as("an expert of the team still sees it").isOne();
    assertThat(tasks.createTaskQuery().taskId(initiate.getId()).taskCandidateUser("rep1").includeAssignedTasks()
        .count()).as("the owner still sees it").isOne();

    // expert1 completes stage 4 in Tasklist (signed in to the engine): stage 5 goes to expert1
    engine.getIdentityService().setAuthentication("expert1", List.of("sales-expert"));
    try {
      forms.submitTaskForm(initiate.getId(), Map.of("stageAction", "ADVANCE"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    Task recognition = task(instance);
    assertThat(recognition.getTaskDefinitionKey()).isEqualTo("Task_WIN_RECOGNITION");
    assertThat(recognition).isAssignedTo("expert1");
    assertThat(candidates(recognition)).contains("user:rep1", "user:manager1", "group:sales-expert");
  }

  @Test
  void shouldAssignAProjectTeamTaskToTheOwnerWhenNobodyCompletedAStageTask() {
    ProcessInstance instance = open(Opportunities.qualified(Opportunities.freshCode("MOVED")));

    // an administrator moves the instance to stage 4 (Cockpit's modification): no stage task was completed
    runtime.createProcessInstanceModification(instance.getId())
        .cancelAllForActivity("Stage_TARGET")
        .startBeforeActivity("Stage_INITIATE_PROJECT")
        .execute();

    Task initiate = task(instance);
    assertThat(initiate.getTaskDefinitionKey()).isEqualTo("Task_INITIATE_PROJECT");
    assertThat(initiate).isAssignedTo("rep1");
    assertThat(candidates(initiate)).contains("user:rep1", "user:manager1", "group:sales-expert");
  }

  @Test
  void shouldOfferTheProjectTeamTasksOnlyToTheManagersOfTheOpportunitysOrgUnit() {
    String unit = "HQ/South/T" + java.util.UUID.randomUUID().toString().substring(0, 6);
    String southManager = "mgr-" + java.util.UUID.randomUUID().toString().substring(0, 6);
    ApiClient admin = ApiClient.as(port, "admin", "demo");
    assertThat(admin.post("/engine-rest/user/create", "{\"profile\": {\"id\": \"" + southManager + "\"},"
        + " \"credentials\": {\"password\": \"south-manager-pw\"}}").status()).isEqualTo(204);
    assertThat(admin.put("/engine-rest/group/sales-manager/members/" + southManager, "{}").status()).isEqualTo(204);
    assertThat(ApiClient.as(port, "ops1").put("/api/org-units/members/" + southManager,
        "{\"orgUnit\": \"" + unit + "\"}").status()).isEqualTo(200);
    // Sales-ops open it: a rep opens opportunities only in their own team.
    ApiClient.Response created = ApiClient.as(port, "ops1").post("/api/opportunities",
        Opportunities.qualified(Opportunities.freshCode("SOUTH")).put("owner", "rep1").put("orgUnit", unit).toString());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    ProcessInstance instance = runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(created.json().path("code").asText()).singleResult();
    String code = instance.getBusinessKey();
    rep1().patch("/api/opportunities/" + code, Opportunities.allRemainingFacts());
    for (String stage : PROJECT_STAGES.subList(0, 3)) {
      logEvidenceIfNeeded(code, stage);
      rep1().post("/api/opportunities/" + code + "/advance", null);
    }

    Task initiate = task(instance);

    assertThat(initiate.getTaskDefinitionKey()).isEqualTo("Task_INITIATE_PROJECT");
    assertThat(candidates(initiate)).contains("user:" + southManager, "group:sales-expert").doesNotContain("user:manager1");
    // assigned to rep1, who completed stage 3; the candidates still find it
    assertThat(tasks.createTaskQuery().taskId(initiate.getId()).taskCandidateUser("manager1").includeAssignedTasks().count()).isZero();
    assertThat(tasks.createTaskQuery().taskId(initiate.getId()).taskCandidateUser(southManager).includeAssignedTasks().count()).isOne();
    assertThat(tasks.createTaskQuery().taskId(initiate.getId()).taskCandidateUser("expert1").includeAssignedTasks().count()).isOne();
  }

  @Test
  void shouldRecordWhatTheRepEntersOnTheFormAndGateExactlyThat() {
    ProcessInstance instance = open(Opportunities.minimal(Opportunities.freshCode("FORM")));
    String code = instance.getBusinessKey();

    // What Tasklist does on "Complete": submit the form's fields as task variables.
    forms.submitTaskForm(task(instance).getId(), Map.of(
        "customerInTargetSegment", true, "customerIndustry", "retail", "stageAction", "ADVANCE"));

    assertThat(instance).isWaitingAt("Task_DISCOVER");
    JsonNode opportunity = rep1().get("/api/opportunities/" + code).json();
    assertThat(opportunity.path("customer").path("inTargetSegment").asBoolean()).isTrue();
    assertThat(opportunity.path("customer").path("industry").asText()).isEqualTo("retail");
    assertThat(opportunity.path("customer").path("name").asText()).as("untouched fields keep their value")
        .isEqualTo("上海某公司");
    JsonNode record = rep1().get("/api/opportunities/" + code + "/gate-records").json().get(0);
    assertThat(record.path("verdict").asText()).isEqualTo("PASSED");
    assertThat(record.path("facts").path("customer").path("industry").asText()).isEqualTo("retail");
  }

  @Test
  void shouldNotLetAStaleFormOverwriteFactsChangedMeanwhileThroughTheApi() {
    ProcessInstance instance = open(Opportunities.minimal(Opportunities.freshCode("STALE")));
    String code = instance.getBusinessKey();
    rep1().patch("/api/opportunities/" + code, "{\"customer\": {\"industry\": \"energy\", \"inTargetSegment\": true}}");

    forms.submitTaskForm(task(instance).getId(), Map.of("region", "East China", "stageAction", "ADVANCE"));

    JsonNode opportunity = rep1().get("/api/opportunities/" + code).json();
    assertThat(opportunity.path("region").asText()).isEqualTo("East China");
    assertThat(opportunity.path("customer").path("industry").asText()).isEqualTo("energy");
    assertThat(instance).isWaitingAt("Task_DISCOVER");
  }

  @Test
  void shouldLoseFromTheFormWithAReasonAndRefuseALossWithoutOne() {
    ProcessInstance instance = open(Opportunities.minimal(Opportunities.freshCode("FLOSS")));
    String taskId = task(instance).getId();

    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
        forms.submitTaskForm(taskId, Map.of("stageAction", "LOSE", "lossReason", "COMPETITOR")))
        .hasMessageContaining("competitor");
    assertThat(instance).isWaitingAt("Task_TARGET");

    forms.submitTaskForm(taskId, Map.of("stageAction", "LOSE", "lossReason", "COMPETITOR", "lossCompetitor", "Kingdee"));
    assertThat(instance).isEnded().hasPassed("End_Lost");
  }

  @Test
  void shouldRunTheClassicFunnelWithTheSameMechanics() {
    ObjectNode body = Opportunities.qualified(Opportunities.freshCode("CLASSIC"));
    body.put("process", "classic-funnel");
    ProcessInstance instance = open(body);
    String code = instance.getBusinessKey();
    assertThat(instance).isWaitingAt("Task_IDENTIFIED");
    assertThat(rep1().post("/api/opportunities/" + code + "/advance", null).json().path("verdict").asText())
        .isEqualTo("FAILED");
    rep1().patch("/api/opportunities/" + code, Opportunities.allRemainingFacts());

    for (String stage : List.of("IDENTIFIED", "CONTACT", "QUALIFIED", "CLOSING")) {
      assertThat(instance).isWaitingAt("Task_" + stage);
      rep1().post("/api/opportunities/" + code + "/advance", null);
    }
    assertThat(instance).isEnded().hasPassedInOrder("Stage_IDENTIFIED", "Stage_CONTACT", "Stage_QUALIFIED",
        "Stage_CLOSING", "End_Won");
  }

  /** The task's candidates as {@code user:<id>} and {@code group:<id>} (BPM Assert's checks want unassigned tasks). */
  private List<String> candidates(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> org.camunda.bpm.engine.task.IdentityLinkType.CANDIDATE.equals(l.getType()))
        .map(l -> l.getUserId() != null ? "user:" + l.getUserId() : "group:" + l.getGroupId())
        .toList();
  }

  /** CONFIRM_INTENT requires a logged meeting with a decision maker during the stage. */
  private void logEvidenceIfNeeded(String code, String stage) {
    if (stage.equals("CONFIRM_INTENT")) {
      ApiClient.Response logged = rep1().post("/api/opportunities/" + code + "/activities",
          "{\"type\": \"MEETING\", \"date\": \"" + java.time.LocalDate.now() + "\", \"contact\": \"王强\", \"note\": \"CIO confirmed the need\"}");
      assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
    }
  }

  private ProcessInstance open(ObjectNode body) {
    ApiClient.Response created = rep1().post("/api/opportunities", body.toString());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(created.json().path("code").asText()).singleResult();
  }
}

package io.oppflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oppflow.support.ApiClient;
import io.oppflow.support.BpmnAssertionsOnTheEngine;
import io.oppflow.support.H2ServiceTest;
import io.oppflow.support.Opportunities;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A rep's day in Tasklist: the stage form's activity section is logged when the task completes, before the gate,
 * starts empty on every new task, and a refusal on completion says which form field to fill in, in both languages.
 */
@H2ServiceTest
@ExtendWith(BpmnAssertionsOnTheEngine.class)
class StageFormActivityProcessTests {

  private static final List<String> ACTIVITY_FIELDS = List.of("activityType", "activityDate", "activityContact",
      "activityDecisionMaker", "activityNote");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired HistoryService history;

  ApiClient rep1() {
    return ApiClient.as(port, "rep1");
  }

  @Test
  void shouldPassConfirmIntentWithTheDecisionMakerAndTheMeetingEnteredOnTheFormAlone() {
    ProcessInstance instance = open(Opportunities.qualified(Opportunities.freshCode("FORMMEET")));
    String code = instance.getBusinessKey();
    rep1().post("/api/opportunities/" + code + "/advance", null);
    rep1().post("/api/opportunities/" + code + "/advance", null);
    assertThat(instance).isWaitingAt("Task_CONFIRM_INTENT");
    assertThat(forms.getTaskFormVariables(task(instance).getId()).get("stageActivities")).isEqualTo("尚无 / None yet");

    // in Tasklist, signed in as rep1: the team gets its decision maker, the meeting with her is logged on the form
    engine.getIdentityService().setAuthentication("rep1", List.of("sales-rep"));
    forms.submitTaskForm(task(instance).getId(), Map.of(
        "needConfirmed", true,
        "customerProjectTeam", "王强 | CIO | no\n赵敏 | CEO | yes",
        "activityType", "MEETING", "activityContact", "赵敏", "activityDecisionMaker", true,
        "activityNote", "CEO confirmed the ERP replacement", "stageAction", "ADVANCE"));
    engine.getIdentityService().clearAuthentication();

    assertThat(instance).isWaitingAt("Task_INITIATE_PROJECT").hasPassed("StageEnd_CONFIRM_INTENT");
    JsonNode activity = rep1().get("/api/opportunities/" + code + "/activities").json().get(0);
    assertThat(activity.path("type").asText()).isEqualTo("MEETING");
    assertThat(activity.path("contact").asText()).isEqualTo("赵敏");
    assertThat(activity.path("decisionMaker").asBoolean()).isTrue();
    assertThat(activity.path("date").asText()).as("an empty date is today").isEqualTo(LocalDate.now().toString());
    assertThat(activity.path("stage").asText()).isEqualTo("CONFIRM_INTENT");
    assertThat(activity.path("recordedBy").asText()).isEqualTo("rep1");
    JsonNode record = rep1().get("/api/opportunities/" + code + "/gate-records").json().get(2);
    assertThat(record.path("stage").asText()).isEqualTo("CONFIRM_INTENT");
    assertThat(record.path("verdict").asText()).isEqualTo("PASSED");
    JsonNode opportunity = rep1().get("/api/opportunities/" + code).json();
    assertThat(opportunity.has("activityType")).as("an activity is no fact").isFalse();
    assertThat(runtime.getVariables(instance.getId())).doesNotContainKeys(ACTIVITY_FIELDS.toArray(String[]::new));
  }

  @Test
  void shouldShowTheFactsOnTheFormWithoutKeepingTheFormsValuesAsVariablesOrInTheirHistory() {
    ProcessInstance instance = open(Opportunities.minimal(Opportunities.freshCode("FORMLEAN")));
    String code = instance.getBusinessKey();
    String taskId = task(instance).getId();

    assertThat(tasks.getVariablesLocal(taskId).keySet()).as("the one variable a stage task keeps")
        .containsExactly("formBaseline");
    Map<String, Object> form = forms.getTaskFormVariables(taskId);
    assertThat(form).containsEntry("customerName", "上海某公司").containsEntry("stageAction", "ADVANCE")
        .containsEntry("stageActivities", "尚无 / None yet");

    // a fact changed through the API shows on the open form at once
    assertThat(rep1().patch("/api/opportunities/" + code, "{\"amount\": 300000}").status()).isEqualTo(200);
    assertThat(forms.getTaskFormVariables(taskId)).containsEntry("amount", 300000.0);

    engine.getIdentityService().setAuthentication("rep1", List.of("sales-rep"));
    forms.submitTaskForm(taskId, Map.of("customerIndustry", "retail", "amount", 300000,
        "activityType", "CALL", "activityContact", "王强", "stageAction", "ADVANCE"));
    engine.getIdentityService().clearAuthentication();

    JsonNode opportunity = rep1().get("/api/opportunities/" + code).json();
    assertThat(opportunity.path("customer").path("industry").asText()).isEqualTo("retail");
    assertThat(opportunity.path("amount").asLong()).isEqualTo(300000);
    assertThat(rep1().get("/api/opportunities/" + code + "/activities").json()).hasSize(1);
    List<String> formKeys = new java.util.ArrayList<>(ACTIVITY_FIELDS);
    StageFormFields.keys().forEach(formKeys::add);
    formKeys.addAll(List.of("stageActivities", "gateFeedback", "dealSummary"));
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list())
        .extracting(HistoricVariableInstance::getName).as("no form value is written with its history")
        .doesNotContainAnyElementsOf(formKeys)
        .as("nor the form's baseline, a working copy of the facts; the process's own variables are")
        .doesNotContain("formBaseline").contains("owner", "orgUnit", "stageAction");
    assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).variableUpdates().list())
        .extracting(d -> ((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getVariableName())
        .doesNotContain("formBaseline").contains("owner");
  }

  @Test
  void shouldStartTheReopenedTaskWithAnEmptyActivitySectionAndTheStagesActivitiesListed() {
    ProcessInstance instance = open(Opportunities.minimal(Opportunities.freshCode("FORMREOPEN")));
    String first = task(instance).getId();

    engine.getIdentityService().setAuthentication("rep1", List.of("sales-rep"));
    forms.submitTaskForm(first, Map.of("activityType", "CALL", "activityDate", "2026-11-20",
        "activityContact", "王强", "activityNote", "asked for the segment data", "stageAction", "ADVANCE"));
    engine.getIdentityService().clearAuthentication();

    Task reopened = task(instance);
    assertThat(reopened.getTaskDefinitionKey()).as("the gate failed").isEqualTo("Task_TARGET");
    assertThat(reopened.getId()).isNotEqualTo(first);
    Map<String, Object> form = forms.getTaskFormVariables(reopened.getId());
    ACTIVITY_FIELDS.forEach(key -> assertThat(form).containsEntry(key, null));
    assertThat(form.get("stageActivities")).isEqualTo("2026-11-20 · 电话 / Call · 王强 · asked for the segment data");
    assertThat(runtime.getVariables(instance.getId())).doesNotContainKeys(ACTIVITY_FIELDS.toArray(String[]::new));
    assertThat(rep1().get("/api/opportunities/" + instance.getBusinessKey() + "/activities").json()).hasSize(1);
  }

  @Test
  void shouldListAnActivityLoggedThroughTheApiOnTheOpenStageTaskAtOnce() {
    ProcessInstance instance = open(Opportunities.minimal(Opportunities.freshCode("FORMAPI")));
    String taskId = task(instance).getId();

    ApiClient.Response logged = rep1().post("/api/opportunities/" + instance.getBusinessKey() + "/activities",
        "{\"type\": \"VISIT\", \"date\": \"2026-11-21\", \"contact\": \"王强\", \"decisionMaker\": true}");

    assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
    assertThat(forms.getTaskFormVariables(taskId).get("stageActivities"))
        .isEqualTo("2026-11-21 · 拜访 / Visit · 王强 · (决策人 / decision maker)");
  }

  @Test
  void shouldRefuseALossWithoutAReasonOnEngineRestInBothLanguagesAndChangeNothing() {
    ProcessInstance instance = open(Opportunities.minimal(Opportunities.freshCode("FORMNOREASON")));
    String code = instance.getBusinessKey();
    String taskId = task(instance).getId();

    ApiClient.Response refused = rep1().post("/engine-rest/task/" + taskId + "/complete", "{\"variables\": {"
        + "\"stageAction\": {\"value\": \"LOSE\"}, \"customerIndustry\": {\"value\": \"retail\"},"
        + "\"activityType\": {\"value\": \"VISIT\"}, \"activityContact\": {\"value\": \"王强\"}}}");

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    String message = refused.json().path("message").asText();
    assertThat(message).isEqualTo("未完成：请填写「丢单原因」（lossReason：请选择丢单原因：CUSTOMER_STOPPED、COMPETITOR 或 OTHER）"
            + "/ Not completed: fill in Loss reason (lossReason: required: CUSTOMER_STOPPED, COMPETITOR or OTHER)")
        .doesNotContain("ENGINE-").doesNotContain("FieldError").doesNotContain("Exception");
    assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("lossReason");
    assertThat(instance).isWaitingAt("Task_TARGET");
    assertThat(task(instance).getId()).isEqualTo(taskId);
    assertThat(forms.getTaskFormVariables(taskId)).containsEntry("stageAction", "ADVANCE").containsEntry("activityType", null);
    assertThat(runtime.getVariables(instance.getId())).doesNotContainKeys("stageAction", "activityType", "customerIndustry");
    JsonNode opportunity = rep1().get("/api/opportunities/" + code).json();
    assertThat(opportunity.path("customer").has("industry")).isFalse();
    assertThat(opportunity.path("activities")).isEmpty();
    assertThat(opportunity.path("status").asText()).isEqualTo("OPEN");

    // Tasklist's door says the same, and a competitor loss without the competitor names that field
    ApiClient.Response submitted = rep1().post("/engine-rest/task/" + taskId + "/submit-form", "{\"variables\": {"
        + "\"stageAction\": {\"value\": \"LOSE\"}, \"lossReason\": {\"value\": \"COMPETITOR\"}}}");
    assertThat(submitted.status()).isEqualTo(400);
    assertThat(submitted.json().path("message").asText())
        .isEqualTo("未完成：请填写「竞争对手」（lossCompetitor：请填写客户选择的竞争对手）"
            + "/ Not completed: fill in Competitor (lossCompetitor: name the competitor the customer chose)");

    // with the reason, /complete loses the deal as the form does
    assertThat(rep1().post("/engine-rest/task/" + taskId + "/complete", "{\"variables\": {"
        + "\"stageAction\": {\"value\": \"LOSE\"}, \"lossReason\": {\"value\": \"CUSTOMER_STOPPED\"}}}").status())
        .isEqualTo(204);
    assertThat(instance).isEnded().hasPassed("End_Lost");
    assertThat(rep1().get("/api/opportunities/" + code).json().path("status").asText()).isEqualTo("LOST");
  }

  @Test
  void shouldRefuseAnActivityDecisionMakerWithoutAContactNamingTheFormField() {
    ProcessInstance instance = open(Opportunities.minimal(Opportunities.freshCode("FORMNOCONTACT")));
    String taskId = task(instance).getId();

    assertThatThrownBy(() -> forms.submitTaskForm(taskId, Map.of("activityType", "MEETING",
        "activityDecisionMaker", true, "stageAction", "ADVANCE")))
        .hasMessageContaining("未完成：请填写「联系人」（activityContact：请填写您见到的决策人）"
            + "/ Not completed: fill in Contact (activityContact: name the decision maker you met)");
    assertThat(instance).isWaitingAt("Task_TARGET");
    assertThat(rep1().get("/api/opportunities/" + instance.getBusinessKey() + "/activities").json()).isEmpty();
  }

  @Test
  void shouldRefuseAListSubmittedAsJsonAsTasklistSendsADynamicListForThisServiceHasNoSpin() {
    ProcessInstance instance = open(Opportunities.minimal(Opportunities.freshCode("FORMJSON")));
    String taskId = task(instance).getId();

    // what Tasklist 7.24 submits for a form-js dynamiclist: designing-stage-processes.md, "Lists on a form"
    ApiClient.Response submitted = rep1().post("/engine-rest/task/" + taskId + "/submit-form", "{\"variables\": {"
        + "\"customerProjectTeam\": {\"type\": \"Json\", \"value\": \"[{\\\"name\\\": \\\"王强\\\"}]\"},"
        + "\"stageAction\": {\"value\": \"ADVANCE\"}}}");

    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(400);
    assertThat(submitted.body()).doesNotContain("Exception:");
    assertThat(instance).isWaitingAt("Task_TARGET");
  }

  private ProcessInstance open(ObjectNode body) {
    ApiClient.Response created = rep1().post("/api/opportunities", body.toString());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(created.json().path("code").asText())
        .singleResult();
  }
}

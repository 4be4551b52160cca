package io.oppflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;
import io.oppflow.support.Opportunities;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The engine's own doors ({@code /engine-rest}, which Tasklist and Cockpit use too) enforce what our API
 * enforces: who decides which exception, which variables a user may write, where an opportunity may be
 * opened, and that a stage process runs only for an opportunity.
 */
@H2ServiceTest
class EngineDoorTests {

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired FormService forms;

  ApiClient as(String user) { return ApiClient.as(port, user); }

  ApiClient admin() { return ApiClient.as(port, "admin", "demo"); }

  String open(String owner, String code) {
    ApiClient.Response r = as(owner).post("/api/opportunities", Opportunities.minimal(code)
        .put("owner", owner).put("orgUnit", owner.equals("rep2") ? "HQ/North/Beijing-1" : "HQ/East/Shanghai-1").toString());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return code;
  }

  /** Opens an opportunity of {@code owner} whose TARGET gate failed, and asks for an exception: its id. */
  long pendingException(String owner, String prefix) {
    String code = open(owner, Opportunities.freshCode(prefix));
    assertThat(as(owner).post("/api/opportunities/" + code + "/advance", null).json().path("verdict").asText()).isEqualTo("FAILED");
    ApiClient.Response r = as(owner).post("/api/opportunities/" + code + "/exceptions", "{\"reason\": \"strategic account\"}");
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().path("id").asLong();
  }

  Task approvalTask(long exceptionId) {
    String code = as("admin").get("/api/exceptions/" + exceptionId).json().path("opportunityCode").asText();
    return tasks.createTaskQuery().processInstanceBusinessKey(code).taskNameLike("%").list().stream()
        .filter(t -> t.getTaskDefinitionKey().endsWith("_ApproveException")).findFirst().orElseThrow();
  }

  String status(long exceptionId) {
    return admin().get("/api/exceptions/" + exceptionId).json().path("status").asText();
  }

  Task stageTask(String code) {
    return tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult();
  }

  @Test
  void shouldDecideOnlyTheExceptionPendingInTheTasksOwnProcessWhateverIdIsSent() {
    long east = pendingException("rep1", "EAST");
    long north = pendingException("rep2", "NORTH");
    Task eastApproval = approvalTask(east);
    assertThat(as("manager1").post("/engine-rest/task/" + eastApproval.getId() + "/claim", "{\"userId\": \"manager1\"}").status())
        .isEqualTo(204);

    ApiClient.Response smuggled = as("manager1").post("/engine-rest/task/" + eastApproval.getId() + "/complete",
        "{\"variables\": {\"exceptionDecision\": {\"value\": \"APPROVE\"}, \"exceptionDecisionReason\": {\"value\": \"ok\"},"
            + "\"gateExceptionId\": {\"value\": " + north + "}}}");

    assertThat(smuggled.status()).as(smuggled.toString()).isEqualTo(400);
    assertThat(smuggled.body()).contains("gateExceptionId");
    assertThat(status(north)).isEqualTo("PENDING");
    assertThat(status(east)).isEqualTo("PENDING");

    ApiClient.Response own = as("manager1").post("/engine-rest/task/" + eastApproval.getId() + "/complete",
        "{\"variables\": {\"exceptionDecision\": {\"value\": \"APPROVE\"}, \"exceptionDecisionReason\": {\"value\": \"ok\"}}}");
    assertThat(own.status()).as(own.toString()).isEqualTo(204);
    assertThat(status(east)).isEqualTo("APPROVED");
    assertThat(status(north)).isEqualTo("PENDING");
  }

  @Test
  void shouldRefuseAManagerOutsideTheOpportunitysUnitOnEveryDoor() {
    // No manager is placed over HQ/North, so its approval is offered to every manager; deciding is not.
    long north = pendingException("rep2", "NORTH");
    Task approval = approvalTask(north);
    assertThat(as("manager1").post("/api/exceptions/" + north + "/approve", "{\"reason\": \"ok\"}").status()).isEqualTo(403);
    assertThat(as("manager1").post("/engine-rest/task/" + approval.getId() + "/claim", "{\"userId\": \"manager1\"}").status())
        .isEqualTo(204);

    ApiClient.Response tasklist = as("manager1").post("/engine-rest/task/" + approval.getId() + "/complete",
        "{\"variables\": {\"exceptionDecision\": {\"value\": \"APPROVE\"}, \"exceptionDecisionReason\": {\"value\": \"ok\"}}}");

    assertThat(tasklist.status()).as(tasklist.toString()).isEqualTo(403);
    assertThat(status(north)).isEqualTo("PENDING");
    assertThat(tasks.createTaskQuery().taskId(approval.getId()).count()).isEqualTo(1);
  }

  @Test
  void shouldRefuseARepsVariableWritesOutsideTheFormOfTheirTask() {
    String code = open("rep1", Opportunities.freshCode("VARS"));
    Task task = stageTask(code);
    String instance = task.getProcessInstanceId();
    ApiClient rep = as("rep1");

    assertThat(rep.put("/engine-rest/task/" + task.getId() + "/variables/owner", "{\"value\": \"rep2\"}").status()).isEqualTo(400);
    assertThat(rep.put("/engine-rest/task/" + task.getId() + "/variables/orgUnit", "{\"value\": \"HQ/North\"}").status()).isEqualTo(400);
    assertThat(rep.put("/engine-rest/task/" + task.getId() + "/variables/stageAction", "{\"value\": \"JUMP\"}").status()).isEqualTo(400);
    assertThat(rep.put("/engine-rest/task/" + task.getId() + "/localVariables/gatePassed", "{\"value\": true}").status()).isEqualTo(400);
    assertThat(rep.post("/engine-rest/task/" + task.getId() + "/variables",
        "{\"modifications\": {\"owner\": {\"value\": \"rep2\"}}}").status()).isEqualTo(400);
    assertThat(rep.delete("/engine-rest/task/" + task.getId() + "/variables/owner").status()).isEqualTo(400);
    assertThat(rep.put("/engine-rest/process-instance/" + instance + "/variables/owner", "{\"value\": \"rep2\"}").status())
        .isIn(400, 403);
    ApiClient.Response complete = rep.post("/engine-rest/task/" + task.getId() + "/complete",
        "{\"variables\": {\"stageAction\": {\"value\": \"ADVANCE\"}, \"owner\": {\"value\": \"rep2\"}}}");
    assertThat(complete.status()).as(complete.toString()).isEqualTo(400);
    assertThat(complete.body()).contains("owner").doesNotContain("Exception:").doesNotContain("org.camunda");

    assertThat(runtime.getVariable(instance, "owner")).isEqualTo("rep1");
    assertThat(runtime.getVariable(instance, "orgUnit")).isEqualTo("HQ/East/Shanghai-1");
    assertThat(stageTask(code).getId()).isEqualTo(task.getId());
    assertThat(forms.getTaskFormVariables(task.getId()).get("stageAction")).isEqualTo("ADVANCE");
    // The form's own fields still go through: the gate runs (and fails, the facts are minimal).
    assertThat(rep.post("/engine-rest/task/" + task.getId() + "/complete",
        "{\"variables\": {\"stageAction\": {\"value\": \"ADVANCE\"}, \"region\": {\"value\": \"East\"}}}").status()).isEqualTo(204);
    assertThat(as("rep1").get("/api/opportunities/" + code + "/gate-records").json().size()).isEqualTo(1);
    assertThat(stageTask(code).getAssignee()).isEqualTo("rep1");
  }

  @Test
  void shouldLetTheAdministratorRepairVariables() {
    String code = open("rep1", Opportunities.freshCode("ADMVAR"));
    Task task = stageTask(code);
    assertThat(admin().put("/engine-rest/task/" + task.getId() + "/localVariables/note", "{\"value\": \"checked\"}").status())
        .isEqualTo(204);
  }

  @Test
  void shouldOpenOpportunitiesOnlyInTheActorsOwnOrgUnitOrBelow() {
    assertThat(as("rep1").post("/api/opportunities", Opportunities.minimal(Opportunities.freshCode("FAR"))
        .put("orgUnit", "HQ/North/Beijing-1").toString()).status()).isEqualTo(403);
    assertThat(as("rep1").post("/api/opportunities", Opportunities.minimal(Opportunities.freshCode("BELOW"))
        .put("orgUnit", "HQ/East/Shanghai-1/Key-Accounts").toString()).status()).isEqualTo(201);
    assertThat(as("rep1").post("/api/opportunities", Opportunities.minimal(Opportunities.freshCode("PREFIX"))
        .put("orgUnit", "HQ/East/Shanghai-10").toString()).status()).isEqualTo(403);
    assertThat(as("manager1").post("/api/opportunities", Opportunities.minimal(Opportunities.freshCode("MGRFAR"))
        .put("orgUnit", "HQ/North/Beijing-1").put("owner", "rep2").toString()).status()).isEqualTo(403);
    assertThat(as("manager1").post("/api/opportunities", Opportunities.minimal(Opportunities.freshCode("MGRIN"))
        .put("orgUnit", "HQ/East/Hangzhou-1").toString()).status()).isEqualTo(201);
  }

  @Test
  void shouldCarryOpportunitiesOnlyInStageProcesses() {
    repository.createDeployment().name("plain").addModelInstance("plain-approval.bpmn",
        Bpmn.createExecutableProcess("plain-approval").camundaHistoryTimeToLive(30)
            .startEvent().userTask("Task_Approve").endEvent().done()).deploy();

    ApiClient.Response r = as("rep1").post("/api/opportunities",
        Opportunities.minimal(Opportunities.freshCode("PLAIN")).put("process", "plain-approval").toString());

    assertThat(r.status()).as(r.toString()).isEqualTo(422);
    assertThat(r.json().path("errors").findValuesAsText("field")).containsExactly("process");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("plain-approval").count()).isZero();
  }

  @Test
  void shouldStartAStageProcessOnlyForAnOpportunityWhateverTheDoor() {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey("project-sales-funnel").count();
    String existing = open("rep1", Opportunities.freshCode("TWICE"));

    ApiClient.Response noKey = admin().post("/engine-rest/process-definition/key/project-sales-funnel/start", "{}");
    ApiClient.Response unknown = admin().post("/engine-rest/process-definition/key/project-sales-funnel/start",
        "{\"businessKey\": \"NO-SUCH-OPPORTUNITY\"}");
    ApiClient.Response second = admin().post("/engine-rest/process-definition/key/project-sales-funnel/start",
        "{\"businessKey\": \"" + existing + "\"}");

    for (ApiClient.Response r : java.util.List.of(noKey, unknown, second)) {
      assertThat(r.status()).as(r.toString()).isEqualTo(400);
      assertThat(r.body()).contains("商机").containsIgnoringCase("opportunit").doesNotContainIgnoringCase("insert into");
    }
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("project-sales-funnel").count()).isEqualTo(before + 1);
  }
}

package io.oppflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;
import java.time.LocalDate;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Starting a stage process with its start form ({@code form-start-opportunity}) opens the opportunity, as
 * Tasklist's "Start process" does through the engine's {@code submit-form}: through the same service and
 * checks as {@code POST /api/opportunities}, owned by the signed-in user in their org unit, with a generated
 * code as the business key. A start without the form's values is still refused.
 */
@H2ServiceTest
class OpportunityStartFormTests {

  private static final String SUBMIT = "/engine-rest/process-definition/key/project-sales-funnel/submit-form";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired TaskService tasks;

  @Test
  void shouldOpenTheOpportunityOfTheStartFormOwnedByTheSignedInUserInTheirOrgUnit() {
    String name = "Tasklist start " + java.util.UUID.randomUUID();
    String closeDate = LocalDate.now().plusMonths(3).toString();
    // owner, orgUnit and stageWorker are what a starter might try to slip in: none of them counts
    ApiClient.Response started = ApiClient.as(port, "rep1").post(SUBMIT, "{\"variables\": {"
        + "\"opportunityName\": {\"value\": \"" + name + "\"}, \"customerName\": {\"value\": \"华东制造有限公司\"},"
        + " \"customerType\": {\"value\": \"NEW\"}, \"amount\": {\"value\": 880000}, \"expectedCloseDate\": {\"value\": \""
        + closeDate + "\"}, \"needs\": {\"value\": \"ERP 升级 / ERP upgrade\"},"
        + " \"owner\": {\"value\": \"rep2\"}, \"orgUnit\": {\"value\": \"HQ\"}, \"stageWorker\": {\"value\": \"rep2\"}}}");

    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    String instanceId = started.json().path("id").asText();
    String code = started.json().path("businessKey").asText();
    assertThat(code).matches("OPP-\\d{4}-[A-Z2-9]{6}");
    JsonNode opportunity = ApiClient.as(port, "rep1").get("/api/opportunities/" + code).json();
    assertThat(opportunity.path("owner").asText()).isEqualTo("rep1");
    assertThat(opportunity.path("orgUnit").asText()).isEqualTo("HQ/East/Shanghai-1");
    assertThat(opportunity.path("processInstanceId").asText()).isEqualTo(instanceId);
    assertThat(opportunity.path("stage").asText()).isEqualTo("TARGET");
    assertThat(opportunity.path("name").asText()).isEqualTo(name);
    assertThat(opportunity.path("customer").path("name").asText()).isEqualTo("华东制造有限公司");
    assertThat(opportunity.path("customerType").asText()).isEqualTo("NEW");
    assertThat(opportunity.path("amount").decimalValue()).isEqualByComparingTo("880000");
    assertThat(opportunity.path("expectedCloseDate").asText()).isEqualTo(closeDate);
    assertThat(runtime.getVariables(instanceId)).as("the instance holds ids, not the form")
        .containsEntry("owner", "rep1").containsEntry("orgUnit", "HQ/East/Shanghai-1")
        .doesNotContainKeys("stageWorker", "customerName", "opportunityName", "amount");
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult().getBusinessKey())
        .isEqualTo(code);
    Task first = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
    assertThat(first.getTaskDefinitionKey()).isEqualTo("Task_TARGET");
    assertThat(first.getAssignee()).isEqualTo("rep1");
  }

  @Test
  void shouldRefuseAStartWithoutTheStartFormOrWithInvalidValuesInBothLanguagesAndKeepNothing() {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey("project-sales-funnel").count();
    long opportunities = ApiClient.as(port, "ops1").get("/api/opportunities?size=1").json().path("page").path("totalElements").asLong();

    ApiClient.Response bare = ApiClient.as(port, "rep1").post(
        "/engine-rest/process-definition/key/project-sales-funnel/start", "{}");
    ApiClient.Response ids = ApiClient.as(port, "rep1").post(
        "/engine-rest/process-definition/key/project-sales-funnel/start",
        "{\"variables\": {\"owner\": {\"value\": \"rep1\"}, \"orgUnit\": {\"value\": \"HQ/East\"}}}");
    ApiClient.Response blankCustomer = ApiClient.as(port, "rep1").post(SUBMIT, "{\"variables\": {"
        + "\"opportunityName\": {\"value\": \"Blank customer\"}, \"customerName\": {\"value\": \"   \"}}}");
    ApiClient.Response expert = ApiClient.as(port, "expert1").post(SUBMIT, "{\"variables\": {"
        + "\"opportunityName\": {\"value\": \"By an expert\"}, \"customerName\": {\"value\": \"某公司\"}}}");

    for (ApiClient.Response r : java.util.List.of(bare, ids)) {
      assertThat(r.status()).as(r.toString()).isEqualTo(400);
      assertThat(r.json().path("message").asText()).contains("商机").contains("Start process")
          .contains("POST /api/opportunities").doesNotContain("ENGINE-");
    }
    assertThat(blankCustomer.status()).as(blankCustomer.toString()).isEqualTo(400);
    assertThat(blankCustomer.json().path("message").asText()).contains("客户名称").contains("Customer name")
        .contains("商机未创建").contains("not opened").doesNotContain("ENGINE-").doesNotContain("Exception");
    assertThat(expert.status()).as("experts may not start stage processes: " + expert).isEqualTo(403);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("project-sales-funnel").count()).isEqualTo(before);
    assertThat(ApiClient.as(port, "ops1").get("/api/opportunities?size=1").json().path("page").path("totalElements").asLong())
        .isEqualTo(opportunities);
  }

  @Test
  void shouldLetWhoeverMayOpenOpportunitiesStartTheStageProcessesInTasklistAndNoOneElse() {
    // what Tasklist's "Start process" dialog asks for
    String startable = "/engine-rest/process-definition?latestVersion=true&active=true&startableInTasklist=true"
        + "&startablePermissionCheck=true";
    for (String user : java.util.List.of("rep1", "manager1", "ops1")) {
      JsonNode list = ApiClient.as(port, user).get(startable).json();
      assertThat(list.findValuesAsText("key")).as(user).contains("project-sales-funnel", "classic-funnel");
      assertThat(list.findValuesAsText("name")).as(user).contains("项目型销售漏斗 / Project sales funnel");
    }
    assertThat(ApiClient.as(port, "expert1").get(startable).json().findValuesAsText("key")).isEmpty();
    JsonNode form = ApiClient.as(port, "rep1").get(
        "/engine-rest/process-definition/key/classic-funnel/startForm").json();
    assertThat(form.path("camundaFormRef").path("key").asText()).isEqualTo("form-start-opportunity");
  }
}

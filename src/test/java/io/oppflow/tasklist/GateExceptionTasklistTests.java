package io.oppflow.tasklist;

import static io.oppflow.tasklist.TasklistLabels.*;
import static io.oppflow.tasklist.TasklistBrowser.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;
import io.oppflow.support.Opportunities;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A gate exception worked end to end in the real Camunda Tasklist, in real headless Chromium: the rep
 * asks for it on the stage task's form, a manager of the opportunity's org unit finds it under "Gate
 * exceptions", reviews the failed criteria and the rep's reason, approves it, and the gate log records
 * the stage as OVERRIDDEN by that manager. Managers of other units (and reps, experts) never see it. The rep
 * is told right after Complete where the request went and follows it under "My exception requests", read-only,
 * until it is decided. Each sees only the webapps their role may open, without Camunda's migration banner.
 *
 * <p>Screenshots of the steps go to {@code target/screenshots/gate-exception-*.png}; on failure a screenshot and
 * the page source of each open browser go to {@code /tmp/gate-exception-<test>-<user>.png/.html}.
 */
@H2ServiceTest
class GateExceptionTasklistTests {

  private static final String REQUESTED_NOTICE = "例外申请已提交 / Exception requested";
  private static final String REFUSAL_PAGE = "您的角色无权打开此页面 / Your role may not open this page";
  private static final String APPROVAL_TASK = "审批关卡例外 / Approve gate exception";
  // Labels on form-stage-target
  private static final String REQUEST_EXCEPTION_OPTION = "申请关卡例外";
  // Labels on form-gate-exception
  private static final String REQUESTED_BY = "申请人 / Requested by";
  private static final String APPROVE_OPTION = "批准";

  @LocalServerPort
  int port;

  @RegisterExtension
  final OpenBrowsers browsers = new OpenBrowsers("gate-exception");

  @Test
  @Timeout(120)
  void shouldLetAManagerApproveAnExceptionInTasklistAndRecordItAsOverridden() throws IOException {
    String code = failedAtTargetForRep1();
    ApiClient rep1 = ApiClient.as(port, "rep1");
    ApiClient manager1 = ApiClient.as(port, "manager1");
    String repReason = "集团战略客户，目标客户群待复核 / strategic group account, segment review pending " + code;
    String managerReason = "同意按例外推进 / approved for the Q1 push " + code;

    // rep1 asks for the exception on the stage task's form.
    String repTaskId = waitFor(() -> taskIdOrNull(rep1, code, "Task_TARGET"), "rep1's TARGET task of " + code);
    TasklistBrowser rep = browser("rep1");
    rep.login("rep1");
    rep.pickFilter(MY_TASKS);
    rep.waiting().until(d -> !rep.taskLinks(repTaskId).isEmpty());
    rep.openTask(repTaskId, GATE_FEEDBACK);
    rep.waitForValue(rep.formTextarea(GATE_FEEDBACK), "TARGET-01");
    rep.choose(STAGE_ACTION, REQUEST_EXCEPTION_OPTION);
    rep.typeInTextarea(EXCEPTION_REASON, repReason);
    rep.complete(GATE_FEEDBACK);

    String approvalTaskId = waitFor(() -> taskIdOrNull(manager1, code, APPROVAL_TASK_KEY), "the approval task of " + code);
    JsonNode pending = waitFor(() -> lastException(rep1, code), "the exception request of " + code);
    assertThat(pending.path("status").asText()).isEqualTo("PENDING");
    assertThat(pending.path("requestedBy").asText()).isEqualTo("rep1");
    assertThat(pending.path("requestReason").asText()).isEqualTo(repReason);

    // Right after Complete, rep1 is told where the request went, with a link to it and the filter to follow it in.
    WebElement notice = rep.waiting().until(d -> d.findElements(By.cssSelector(".page-notifications .alert")).stream()
        .filter(a -> a.getText().contains(REQUESTED_NOTICE)).findFirst().orElse(null));
    assertThat(notice.getText()).contains(APPROVAL_TASK).contains(MY_REQUESTS);
    assertThat(notice.findElements(By.cssSelector("a[href*='task=" + approvalTaskId + "']"))).isNotEmpty();
    rep.keepScreenshot("gate-exception-1-rep-requested");
    // ... and finds it under "My exception requests": the request, read-only (the decision is a manager's).
    rep.pickFilter(MY_REQUESTS);
    rep.clickTaskInList(approvalTaskId, FAILED_CRITERIA);
    assertThat(rep.waitForValue(rep.formTextarea(REQUEST_REASON), repReason)).isEqualTo(repReason);
    assertThat(rep.driver().findElement(TasklistBrowser.completeButton()).isEnabled()).isFalse();
    // Tasklist only, and no "migrate to Camunda 8" banner.
    assertThat(rep.headerApps()).isEmpty();
    assertThat(rep.showsMigrationBanner()).isFalse();
    rep.keepScreenshot("gate-exception-2-rep-follows-request");

    // manager1, in a browser of their own, finds it under "Gate exceptions" and reviews it.
    TasklistBrowser manager = browser("manager1");
    manager.login("manager1");
    assertThat(manager.headerApps()).as("apps a manager may switch to").isEmpty();
    assertThat(manager.showsMigrationBanner()).isFalse();
    manager.pickFilter(GATE_EXCEPTIONS);
    WebElement link = manager.waiting().until(d -> manager.taskLinks(approvalTaskId).stream().findFirst().orElse(null));
    assertThat(link.getText()).contains(APPROVAL_TASK);
    manager.clickTaskInList(approvalTaskId, FAILED_CRITERIA);
    assertThat(manager.waitForValue(manager.formTextarea(FAILED_CRITERIA), "TARGET-01")).contains("TARGET-01");
    assertThat(manager.waitForValue(manager.formTextfield(REQUESTED_BY), "rep1")).isEqualTo("rep1");
    assertThat(manager.waitForValue(manager.formTextarea(REQUEST_REASON), repReason)).isEqualTo(repReason);

    // ... claims it, approves it with a reason and completes it.
    manager.keepScreenshot("gate-exception-3-manager-reviews");
    manager.claim();
    manager.choose(APPROVAL_DECISION, APPROVE_OPTION);
    manager.typeInTextarea(APPROVAL_DECISION_REASON, managerReason);
    manager.complete(FAILED_CRITERIA);
    // Cockpit is not a manager's: a bilingual page says so, not Spring's "Whitelabel Error Page".
    assertRefused(manager, "/camunda/app/cockpit/default/", "gate-exception-4-manager-opens-cockpit");

    waitFor(() -> "DISCOVER".equals(rep1.get("/api/opportunities/" + code).json().path("stage").asText()) ? "ok" : null,
        "the opportunity to move to DISCOVER");
    List<JsonNode> records = gateRecords(rep1, code);
    JsonNode overridden = records.get(records.size() - 1);
    assertThat(overridden.path("stage").asText()).isEqualTo("TARGET");
    assertThat(overridden.path("verdict").asText()).as("last gate record: %s", overridden).isEqualTo("OVERRIDDEN");
    assertThat(overridden.path("approvedBy").asText()).isEqualTo("manager1");
    assertThat(overridden.path("overrideReason").asText()).isEqualTo(managerReason);
    assertThat(overridden.path("requestedBy").asText()).isEqualTo("rep1");
    assertThat(overridden.path("failures").findValuesAsText("code")).contains("TARGET-01");

    JsonNode approved = lastException(rep1, code);
    assertThat(approved.path("status").asText()).as("exception: %s", approved).isEqualTo("APPROVED");
    assertThat(approved.path("requestedBy").asText()).isEqualTo("rep1");
    assertThat(approved.path("decidedBy").asText()).isEqualTo("manager1");
    assertThat(approved.path("decisionReason").asText()).isEqualTo(managerReason);
    assertThat(taskIdOrNull(manager1, code, APPROVAL_TASK_KEY)).isNull();

    // Decided, the request leaves rep1's "My exception requests"; Admin is not a rep's either.
    rep.driver().get(rep.tasklistUrl());
    rep.pickFilter(MY_REQUESTS);
    rep.waiting().until(d -> !d.findElements(By.cssSelector(".tasks-list li.task")).isEmpty()
        || d.findElement(By.tagName("body")).getText().contains("No task matching filters found"));
    assertThat(rep.taskLinks(approvalTaskId)).isEmpty();
    assertRefused(rep, "/camunda/app/admin/default/", "gate-exception-5-rep-opens-admin");
  }

  /** The app at {@code path} answers the signed-in user with oppflow's bilingual refusal page. */
  private static void assertRefused(TasklistBrowser browser, String path, String screenshot) throws IOException {
    browser.driver().get(browser.tasklistUrl().replaceFirst("/camunda/.*", path));
    String page = browser.waiting().until(d -> {
      String text = d.findElement(By.tagName("body")).getText();
      return text.isBlank() ? null : text;
    });
    browser.keepScreenshot(screenshot);
    assertThat(page).contains(REFUSAL_PAGE).contains("前往 Tasklist / Go to Tasklist").doesNotContain("Whitelabel");
  }

  @Test
  @Timeout(60)
  void shouldNotShowTheApprovalToManagersOfOtherUnits() {
    String otherManager = managerOfAnotherUnit();
    String code = failedAtTargetForRep1();
    ApiClient.Response requested = ApiClient.as(port, "rep1").post("/api/opportunities/" + code + "/exceptions",
        "{\"reason\": \"客户是集团战略客户 / strategic group account\"}");
    assertThat(requested.status()).as("request exception: %s", requested).isEqualTo(201);

    String approvals = "/engine-rest/task?processInstanceBusinessKey=" + encode(code) + "&taskDefinitionKey=" + APPROVAL_TASK_KEY;
    String approvalTaskId = waitFor(() -> taskIdOrNull(ApiClient.as(port, "manager1"), code, APPROVAL_TASK_KEY),
        "manager1's approval task of " + code);
    ApiClient.Response asManager1 = ApiClient.as(port, "manager1").get(approvals);
    assertThat(asManager1.status()).isEqualTo(200);
    assertThat(asManager1.json().size()).as("approval tasks manager1 sees: %s", asManager1.body()).isEqualTo(1);
    assertThat(asManager1.json().get(0).path("name").asText()).startsWith(APPROVAL_TASK + " · 1 定位目标客户群").endsWith("(" + code + ")");
    for (String user : List.of("rep2", "expert1", otherManager)) {
      ApiClient client = user.equals(otherManager) ? ApiClient.as(port, user, OTHER_MANAGER_PASSWORD) : ApiClient.as(port, user);
      ApiClient.Response r = client.get(approvals);
      assertThat(r.status()).as("%s: %s", user, r).isEqualTo(200);
      assertThat(r.json().isArray()).as("%s: %s", user, r).isTrue();
      assertThat(r.json().size()).as("approval tasks %s sees: %s", user, r.body()).isZero();
    }

    // manager1 claims it from "Tasks I may claim", whose list keeps it beside the open form
    ApiClient manager1 = ApiClient.as(port, "manager1");
    String processInstanceId = requested.json().path("processInstanceId").asText();
    String claimable = filterId(manager1, CLAIMABLE);
    assertThat(filterTaskIds(manager1, claimable, processInstanceId)).containsExactly(approvalTaskId);
    assertThat(manager1.post("/engine-rest/task/" + approvalTaskId + "/claim", "{\"userId\": \"manager1\"}").status())
        .isEqualTo(204);
    assertThat(filterTaskIds(manager1, claimable, processInstanceId)).as("claimed by manager1").containsExactly(approvalTaskId);
    assertThat(filterTaskIds(ApiClient.as(port, otherManager, OTHER_MANAGER_PASSWORD), claimable, processInstanceId)).isEmpty();
  }

  @Test
  @Timeout(60)
  void shouldShowTheRepTheirPendingRequestReadOnlyUntilAManagerDecidesIt() {
    String code = failedAtTargetForRep1();
    ApiClient rep1 = ApiClient.as(port, "rep1");
    ApiClient manager1 = ApiClient.as(port, "manager1");
    ApiClient.Response requested = rep1.post("/api/opportunities/" + code + "/exceptions",
        "{\"reason\": \"集团战略客户 / strategic group account\"}");
    assertThat(requested.status()).as("request exception: %s", requested).isEqualTo(201);
    String approvalTaskId = waitFor(() -> taskIdOrNull(manager1, code, APPROVAL_TASK_KEY), "the approval task of " + code);
    String processInstanceId = requested.json().path("processInstanceId").asText();

    // rep1 finds the request under "My exception requests" and may open it; it is in no one else's.
    String filter = filterId(rep1, MY_REQUESTS);
    assertThat(filterTaskIds(rep1, filter, processInstanceId)).containsExactly(approvalTaskId);
    for (String user : List.of("rep2", "expert1", "manager1", "ops1")) {
      assertThat(filterTaskIds(ApiClient.as(port, user), filter, processInstanceId)).as("%s's exception requests", user).isEmpty();
    }
    assertThat(rep1.get("/engine-rest/task/" + approvalTaskId).status()).isEqualTo(200);
    assertThat(rep1.get("/engine-rest/task/" + approvalTaskId + "/form-variables").status()).isEqualTo(200);

    // ... but can neither take nor decide it (through the webapps' engine API neither: AccessMatrixTests, whose
    // pending exception rep1 asked for too).
    String decision = "{\"variables\": {\"exceptionDecision\": {\"value\": \"APPROVE\"}, "
        + "\"exceptionDecisionReason\": {\"value\": \"my own\"}}}";
    String task = "/engine-rest/task/" + approvalTaskId;
    ApiClient.Response claim = rep1.post(task + "/claim", "{\"userId\": \"rep1\"}");
    assertThat(claim.status()).isEqualTo(403);
    // what Tasklist shows after "Claim": said for the rep, not Camunda's list of permissions
    assertThat(claim.json().path("message").asText()).contains("此任务不由您办理").contains("This task is not yours to work on")
        .doesNotContain("TASK_WORK");
    assertThat(rep1.post(task + "/assignee", "{\"userId\": \"rep1\"}").status()).isEqualTo(403);
    assertThat(rep1.post(task + "/complete", decision).status()).isEqualTo(403);
    assertThat(rep1.post(task + "/submit-form", decision).status()).isEqualTo(403);
    assertThat(rep1.post("/api/exceptions/" + requested.json().path("id").asLong() + "/approve", "{\"reason\": \"my own\"}")
        .status()).isEqualTo(403);
    assertThat(lastException(rep1, code).path("status").asText()).isEqualTo("PENDING");

    // manager1 approves: the request leaves the list, rep1's permission to read it goes with the task, and
    // rep1's next task can tell the outcome.
    ApiClient.Response approved = manager1.post("/api/exceptions/" + requested.json().path("id").asLong() + "/approve",
        "{\"reason\": \"同意 / agreed\"}");
    assertThat(approved.status()).as("approve: %s", approved).isEqualTo(200);
    assertThat(filterTaskIds(rep1, filter, processInstanceId)).isEmpty();
    ApiClient.Response readers = ApiClient.as(port, "admin").get("/engine-rest/authorization?resourceType=7&resourceId=" + approvalTaskId);
    assertThat(readers.json().size()).as("authorizations left on the approval task: %s", readers.body()).isZero();
    String next = waitFor(() -> taskIdOrNull(rep1, code, "Task_DISCOVER"), "rep1's DISCOVER task of " + code);
    ApiClient.Response outcome = rep1.get("/engine-rest/task/" + next + "/variables/exceptionOutcome");
    assertThat(outcome.status()).as("outcome: %s", outcome).isEqualTo(200);
    assertThat(outcome.json().path("value").asText()).contains("批准").contains("approved by manager1").contains("同意 / agreed");
  }

  // ---- API helpers ----


  private static String filterId(ApiClient client, String name) {
    ApiClient.Response r = client.get("/engine-rest/filter?name=" + encode(name));
    assertThat(r.status()).as("filters: %s", r).isEqualTo(200);
    assertThat(r.json().size()).as("filter %s: %s", name, r.body()).isEqualTo(1);
    return r.json().get(0).path("id").asText();
  }

  /** The ids of the tasks of one process instance the filter lists for the client's user. */
  private static List<String> filterTaskIds(ApiClient client, String filterId, String processInstanceId) {
    ApiClient.Response r = client.get("/engine-rest/filter/" + filterId + "/list?maxResults=1000");
    assertThat(r.status()).as("filter list: %s", r).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    r.json().forEach(t -> {
      if (processInstanceId.equals(t.path("processInstanceId").asText())) {
        ids.add(t.path("id").asText());
      }
    });
    return ids;
  }

  private static final String OTHER_MANAGER_PASSWORD = "other-unit-manager-pw";

  /**
   * A sales manager placed over a unit of its own (not over rep1's HQ/East/Shanghai-1), created by the
   * admin through the engine's REST API with a fresh id, so no other test's routing changes.
   */
  private String managerOfAnotherUnit() {
    String id = "mgr-" + Opportunities.freshCode("X").substring(2).toLowerCase();
    ApiClient admin = ApiClient.as(port, "admin");
    ApiClient.Response user = admin.post("/engine-rest/user/create", "{\"profile\": {\"id\": \"" + id
        + "\", \"firstName\": \"Other\", \"lastName\": \"Manager\"}, \"credentials\": {\"password\": \""
        + OTHER_MANAGER_PASSWORD + "\"}}");
    assertThat(user.status()).as("create %s: %s", id, user).isEqualTo(204);
    ApiClient.Response member = admin.put("/engine-rest/group/sales-manager/members/" + id, "{}");
    assertThat(member.status()).as("make %s a manager: %s", id, member).isEqualTo(204);
    ApiClient.Response placed = admin.put("/api/org-units/members/" + id, "{\"orgUnit\": \"HQ/North/" + id + "\"}");
    assertThat(placed.status()).as("place %s: %s", id, placed).isEqualTo(200);
    // The new manager can sign in and query tasks at all, so an empty list below means "not offered".
    ApiClient.Response tasks = ApiClient.as(port, id, OTHER_MANAGER_PASSWORD).get("/engine-rest/task?maxResults=1");
    assertThat(tasks.status()).as("%s queries tasks: %s", id, tasks).isEqualTo(200);
    return id;
  }

  /** A new minimal opportunity of rep1 (HQ/East/Shanghai-1) whose TARGET gate has failed on TARGET-01. */
  private String failedAtTargetForRep1() {
    String code = Opportunities.freshCode("GXT");
    ObjectNode body = Opportunities.minimal(code);
    body.put("name", "例外浏览器测试 / Exception browser test " + code);
    ApiClient rep1 = ApiClient.as(port, "rep1");
    ApiClient.Response created = rep1.post("/api/opportunities", body.toString());
    assertThat(created.status()).as("create %s: %s", code, created).isEqualTo(201);
    assertThat(created.json().path("stage").asText()).isEqualTo("TARGET");
    ApiClient.Response advanced = rep1.post("/api/opportunities/" + code + "/advance", null);
    assertThat(advanced.status()).as("advance %s: %s", code, advanced).isEqualTo(200);
    assertThat(advanced.json().path("verdict").asText()).as("advance %s: %s", code, advanced).isEqualTo("FAILED");
    assertThat(advanced.body()).contains("TARGET-01");
    return code;
  }

  /** The id of the open task of the opportunity with that definition key, as the client sees it, or null. */
  static String taskIdOrNull(ApiClient client, String code, String taskDefinitionKey) {
    ApiClient.Response r = client.get("/engine-rest/task?processInstanceBusinessKey=" + encode(code)
        + "&taskDefinitionKey=" + taskDefinitionKey);
    assertThat(r.status()).as("engine-rest tasks: %s", r).isEqualTo(200);
    return r.json().size() == 1 ? r.json().get(0).path("id").asText() : null;
  }

  private static JsonNode lastException(ApiClient client, String code) {
    ApiClient.Response r = client.get("/api/opportunities/" + code + "/exceptions");
    assertThat(r.status()).as("exceptions of %s: %s", code, r).isEqualTo(200);
    return r.json().size() == 0 ? null : r.json().get(r.json().size() - 1);
  }

  private static List<JsonNode> gateRecords(ApiClient client, String code) {
    ApiClient.Response r = client.get("/api/opportunities/" + code + "/gate-records");
    assertThat(r.status()).as("gate records: %s", r).isEqualTo(200);
    List<JsonNode> records = new ArrayList<>();
    r.json().forEach(records::add);
    assertThat(records).as("gate records of %s", code).isNotEmpty();
    return records;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  // ---- browsers ----

  /** A new browser session (own profile and cookies) for one user. */
  private TasklistBrowser browser(String user) throws IOException {
    return browsers.start(port, user);
  }

}

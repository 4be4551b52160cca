package io.oppflow.tasklist;

import static io.oppflow.tasklist.TasklistLabels.*;
import static io.oppflow.tasklist.TasklistBrowser.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A rep's and a manager's whole day in the real Camunda Tasklist, each in one browser of their own, driven
 * only through what Tasklist shows them (the service's API only looks, to check what happened).
 *
 * <p>rep1 starts an opportunity with "Start process", finds its first task named for the deal, and works it
 * through stages 1 to 3 on the stage forms. At stage 3 the gate fails for want of a meeting with a decision
 * maker: the task comes back at once, named for its failure, its form saying why; rep1 logs the meeting on
 * the form and the gate passes. At stage 4 the gate fails again and rep1 asks a manager for an exception;
 * manager1 finds it under "Gate exceptions", named for the deal, reads the deal and approves. On stage 5 rep1
 * tries to mark the deal lost without saying why and is told, in both languages, what is missing; the
 * deal stays open.
 *
 * <p>Screenshots of the day go to {@code target/day-NN-*.png}; on failure a screenshot and the page source
 * of each browser go to {@code /tmp/day-<user>.png/.html}.
 */
@H2ServiceTest
class TasklistDayBrowserTests {

  private static final String CUSTOMER = "上海浦东发展银行 信用卡中心";
  private static final String DECISION_MAKER = "李建国";
  private static final By START = By.cssSelector("button[ng-click='startProcessInstance()']");
  private static final String ASSIGNED_NOTICE = "You are assigned to the following tasks in the same process";
  private static final Pattern CODE = Pattern.compile("\\((OPP-[^)]+)\\)");
  private static final Pattern TASK_ID = Pattern.compile("task=([0-9a-f-]+)");

  // Labels on the stage forms
  // Labels on the approval form
  private static final String DEAL = "商机 / Deal";

  @LocalServerPort
  int port;

  @RegisterExtension
  final OpenBrowsers browsers = new OpenBrowsers("day");

  @Test
  @Timeout(150)
  void shouldCarryARepsAndAManagersDayInTasklistFromANewDealToARefusedLossWithoutReason() throws IOException {
    String name = "信用卡核心系统升级 " + UUID.randomUUID().toString().substring(0, 6);
    ApiClient rep1 = ApiClient.as(port, "rep1");

    // 1. rep1 opens the deal with "Start process" and the start form.
    TasklistBrowser rep = browser("rep1");
    rep.login("rep1");
    rep.click(rep.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".start-process-action a"))));
    rep.click(rep.waiting().until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//ul[contains(@class,'processes')]//a[contains(normalize-space(.)," + TasklistBrowser.literal(PROCESS) + ")]"))));
    rep.typeInField("商机名称 / Opportunity name", name);
    rep.typeInField("客户名称 / Customer name", CUSTOMER);
    rep.typeInField("行业 / Industry", "银行 / Banking");
    rep.choose("客户类型 / Customer type", "新客户 / New");
    rep.choose("项目类型 / Project type", "大项目 / Large project");
    rep.typeInField("预计金额 / Expected amount", "1280000");
    screenshot(rep, "day-01-start-form");
    rep.click(rep.driver().findElement(START));
    rep.waiting().until(ExpectedConditions.invisibilityOfElementLocated(START));

    // 2. Right after the start, Tasklist names the deal's first task, which is rep1's, and lists it in "My tasks".
    String firstName = "1 定位目标客户群 · " + CUSTOMER + " · " + name + " (OPP-";
    noticeContaining(rep, ASSIGNED_NOTICE, firstName);
    rep.pickFilter(MY_TASKS);
    ListedTask first = taskLinkContaining(rep, firstName);
    String code = codeIn(first.name());
    screenshot(rep, "day-02-first-task-in-list");
    JsonNode opened = rep1.get("/api/opportunities/" + code).json();
    assertThat(opened.path("name").asText()).isEqualTo(name);
    assertThat(opened.path("owner").asText()).isEqualTo("rep1");
    assertThat(opened.path("customer").path("name").asText()).isEqualTo(CUSTOMER);
    assertThat(opened.path("amount").decimalValue()).isEqualByComparingTo("1280000");
    assertThat(opened.path("stage").asText()).isEqualTo("TARGET");
    assertThat(businessKeyOfTask(rep1, first.id())).isEqualTo(code);

    // 3a. Stage 1: the customer is in a target segment.
    rep.clickTaskInList(first.id(), GATE_FEEDBACK);
    rep.tick("属于目标客户群 / In a target customer segment");
    rep.complete(GATE_FEEDBACK);
    waitForStage(rep1, code, "DISCOVER");

    // 3b. Stage 2: what rep1 learned of the customer, its needs, budget, competitors and project team.
    openFromList(rep, "2 发掘客户潜在的商机 · " + CUSTOMER + " · " + name + " (" + code + ")");
    rep.typeInField("员工人数 / Headcount", "3200");
    rep.typeInField("年营业额 / Annual revenue", "5600000000");
    rep.typeInTextarea("IT 现状", "核心发卡系统运行十二年，IBM 主机 / 12-year-old card system on an IBM mainframe");
    rep.choose("现有系统状况 / Current system", "运行不佳 / Works badly");
    rep.choose("经营状况 / Economic health", "良好 / Good");
    rep.typeInTextarea("竞争对手 / Competitors", "长亮科技");
    rep.typeInTextarea("客户需求 / Customer needs", "分布式信用卡核心系统，支持实时风控 / distributed card core with real-time risk control");
    rep.typeInField("预算金额 / Budget amount", "1500000");
    rep.choose("预算状态 / Budget status", "估算 / Estimated");
    rep.typeInTextarea("客户项目小组 / Customer project team", DECISION_MAKER + " | 信用卡中心副总经理 | yes\n陈静 | IT 部经理 | no");
    rep.complete(GATE_FEEDBACK);
    waitForStage(rep1, code, "CONFIRM_INTENT");

    // 3c. Stage 3, first try: the need is confirmed, but no meeting with the decision maker is logged yet.
    openFromList(rep, "3 确认客户意向 · " + CUSTOMER + " · " + name + " (" + code + ")");
    rep.tick("客户已确认需求 / Customer confirmed the need");
    rep.complete(GATE_FEEDBACK);
    // Right after Complete, the task that came back is named for its failure ...
    String failedName = "✗ 关卡未通过 / Gate failed: CONFIRM_INTENT-05 · 3 确认客户意向 · " + CUSTOMER + " · " + name;
    assertThat(noticeContaining(rep, ASSIGNED_NOTICE, failedName)).contains(code);
    screenshot(rep, "day-03-confirm-intent-failed-notice");
    // ... and its form says why, at the top.
    openFromList(rep, failedName);
    assertThat(rep.waitForValue(rep.formTextarea(GATE_FEEDBACK), "CONFIRM_INTENT-05"))
        .contains("决策人").contains("decision maker");
    assertThat(rep.formLabel(GATE_FEEDBACK).getLocation().getY())
        .as("the gate feedback is above the stage's fields").isLessThan(rep.formLabel(STAGE_ACTION).getLocation().getY());
    screenshot(rep, "day-04-confirm-intent-failed-form");

    // 3d. rep1 logs the meeting with the decision maker on the form; the gate passes.
    assertThat(rep.waitForValue(rep.formTextarea(STAGE_ACTIVITIES), "尚无 / None yet")).isEqualTo("尚无 / None yet");
    rep.choose(ACTIVITY_TYPE, "会议 / Meeting");
    assertThat(rep.pickToday(ACTIVITY_DATE)).isEqualTo(LocalDate.now().format(DateTimeFormatter.ofPattern("M/d/yyyy")));
    rep.typeInField(ACTIVITY_CONTACT, DECISION_MAKER);
    rep.tick(ACTIVITY_DECISION_MAKER);
    rep.typeInTextarea(ACTIVITY_NOTE, "与李总确认立项意向 / the VP confirmed the intent to set up a project");
    screenshot(rep, "day-05-confirm-intent-meeting");
    rep.complete(GATE_FEEDBACK);
    waitForStage(rep1, code, "INITIATE_PROJECT");
    JsonNode meeting = rep1.get("/api/opportunities/" + code + "/activities").json().get(0);
    assertThat(meeting.path("type").asText()).isEqualTo("MEETING");
    assertThat(meeting.path("contact").asText()).isEqualTo(DECISION_MAKER);
    assertThat(meeting.path("stage").asText()).isEqualTo("CONFIRM_INTENT");
    assertThat(meeting.path("date").asText()).isEqualTo(LocalDate.now().toString());

    // 4. Stage 4: the customer has no project yet; the gate fails and rep1 asks a manager for an exception.
    String stage4 = "4 引导客户立项 · " + CUSTOMER + " · " + name + " (" + code + ")";
    openFromList(rep, stage4);
    rep.complete(GATE_FEEDBACK);
    ListedTask failed4 = taskLinkContaining(rep, "✗ 关卡未通过 / Gate failed: INITIATE_PROJECT-01", stage4);
    rep.clickTaskInList(failed4.id(), GATE_FEEDBACK);
    rep.waitForValue(rep.formTextarea(GATE_FEEDBACK), "INITIATE_PROJECT-01");
    String repReason = "行方年底前完成立项，预算已在审批流程中 / the bank sets up the project by year end, budget in approval " + code;
    rep.choose(STAGE_ACTION, "申请关卡例外");
    rep.typeInTextarea(EXCEPTION_REASON, repReason);
    rep.complete(GATE_FEEDBACK);
    String requested = noticeContaining(rep, "例外申请已提交 / Exception requested", MY_REQUESTS);
    assertThat(requested).contains("审批关卡例外 / Approve gate exception");
    String approvalTaskId = rep.waiting().until(d -> d.findElements(By.cssSelector(".page-notifications .alert")).stream()
        .filter(a -> a.getText().contains("例外申请已提交")).flatMap(a -> a.findElements(By.cssSelector("a[href*='task=']")).stream())
        .findFirst().map(TasklistDayBrowserTests::taskIdOf).orElse(null));
    screenshot(rep, "day-06-exception-requested");
    assertThat(rep1.get("/api/opportunities/" + code + "/exceptions").body()).contains("PENDING").contains(repReason);

    // 5. manager1 finds the request under "Gate exceptions", named for the deal, and reads the deal.
    TasklistBrowser manager = browser("manager1");
    manager.login("manager1");
    manager.pickFilter(GATE_EXCEPTIONS);
    String approval = manager.waiting().until(d -> manager.taskLinks(approvalTaskId).stream().findFirst()
        .map(WebElement::getText).orElse(null));
    assertThat(approval).contains("审批关卡例外 / Approve gate exception · " + stage4);
    manager.clickTaskInList(approvalTaskId, FAILED_CRITERIA);
    assertThat(manager.waitForValue(manager.formTextarea(FAILED_CRITERIA), "INITIATE_PROJECT-01")).contains("INITIATE_PROJECT-02");
    assertThat(manager.waitForValue(manager.formTextarea(REQUEST_REASON), repReason)).isEqualTo(repReason);
    // the form the manager decides on names the deal, as the task's Description tab does
    assertDealNamed(manager.waitForValue(manager.formTextarea(DEAL), CUSTOMER), name, code);
    screenshot(manager, "day-07-manager-approval-form");
    assertDealNamed(description(manager), name, code);
    screenshot(manager, "day-08-manager-approval-description");
    showFormTab(manager, FAILED_CRITERIA);
    manager.claim();
    manager.choose(APPROVAL_DECISION, "批准");
    manager.typeInTextarea(APPROVAL_DECISION_REASON, "同意按例外推进，年底前跟进立项 / approved, follow the project set-up by year end");
    manager.complete(FAILED_CRITERIA);
    waitForStage(rep1, code, "WIN_RECOGNITION");

    // 6. Stage 5: rep1 marks the deal lost without a reason and is told, in both languages, what is missing.
    rep.driver().get(rep.tasklistUrl());
    rep.pickFilter(MY_TASKS);
    String stage5Id = openFromList(rep, "5 赢得客户认可 · " + CUSTOMER + " · " + name + " (" + code + ")");
    rep.choose(STAGE_ACTION, "标记为丢单 / Mark as lost");
    rep.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.xpath(TasklistBrowser.labelXpath(LOSS_REASON))));
    rep.dismissNotifications();
    rep.click(rep.waiting().until(ExpectedConditions.elementToBeClickable(TasklistBrowser.completeButton())));
    // Tasklist's notice says it in both languages and names the field; the form marks the field in red
    String refusal = noticeContaining(rep, "任务未完成 / The task was not completed");
    assertThat(refusal).contains("请填写或更正标红的字段 / Fill in or correct the fields marked in red: " + LOSS_REASON)
        .doesNotContain("An error happened");
    assertThat(rep.driver().findElements(By.xpath("//*[contains(@class,'fjs-form-field')][.//label[contains(normalize-space(.),"
        + TasklistBrowser.literal(LOSS_REASON) + ")]]//*[contains(@class,'fjs-form-field-error')]"))).isNotEmpty();
    screenshot(rep, "day-09-loss-without-reason-refused");
    assertThat(rep.formLabel(GATE_FEEDBACK).isDisplayed()).as("the task stays open").isTrue();
    ApiClient.Response task = rep1.get("/engine-rest/task/" + stage5Id);
    assertThat(task.status()).as("the stage 5 task is still open: %s", task).isEqualTo(200);
    JsonNode after = rep1.get("/api/opportunities/" + code).json();
    assertThat(after.path("status").asText()).isNotEqualTo("LOST");
    assertThat(after.path("stage").asText()).isEqualTo("WIN_RECOGNITION");
  }

  // ---- what the users see ----

  /** The link in the current filter's task list whose text contains all of {@code texts}, once it is there. */
  private static ListedTask taskLinkContaining(TasklistBrowser browser, String... texts) {
    // read at once: Tasklist redraws its list when it refreshes
    return browser.waiting().until(d -> d.findElements(By.cssSelector(".tasks-list li.task h4 a")).stream()
        .filter(a -> java.util.Arrays.stream(texts).allMatch(a.getText()::contains)).findFirst()
        .map(a -> new ListedTask(taskIdOf(a), a.getText())).orElse(null));
  }

  /** A task as the task list shows it: its id (from its link) and its name. */
  private record ListedTask(String id, String name) {}

  /** Opens the task whose name in the list contains {@code text}, as the user does, and returns its id. */
  private static String openFromList(TasklistBrowser browser, String text) {
    String id = taskLinkContaining(browser, text).id();
    browser.clickTaskInList(id, GATE_FEEDBACK);
    return id;
  }

  /** The text of the pop-up notification that contains all of {@code texts}, once it shows. */
  private static String noticeContaining(TasklistBrowser browser, String... texts) {
    return browser.waiting().until(d -> d.findElements(By.cssSelector(".page-notifications .alert")).stream()
        .map(WebElement::getText).filter(t -> java.util.Arrays.stream(texts).allMatch(t::contains)).findFirst().orElse(null));
  }

  /** The deal as a manager's task describes it: customer, opportunity, amount, owner, stage, days in it. */
  private static void assertDealNamed(String deal, String name, String code) {
    assertThat(deal).contains("客户 / Customer: " + CUSTOMER).contains("商机 / Opportunity: " + name + " (" + code + ")")
        .contains("金额 / Amount: ").contains("1,280,000").contains("负责人 / Owner: rep1")
        .contains("阶段 / Stage: 4 引导客户立项 / ").contains(" 天 / entered ").contains("例外申请 / Exception requested by rep1");
  }

  /** The task's Description tab, once it shows the deal. */
  private static String description(TasklistBrowser browser) {
    browser.click(browser.waiting().until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='Description']"))));
    return browser.waiting().until(d -> d.findElements(By.cssSelector(".description-pane")).stream()
        .filter(p -> p.isDisplayed() && p.getText().contains("商机 / Opportunity")).findFirst().map(WebElement::getText)
        .orElse(null));
  }

  private static void showFormTab(TasklistBrowser browser, String formLabel) {
    browser.click(browser.waiting().until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='Form']"))));
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.xpath(TasklistBrowser.labelXpath(formLabel))));
  }

  private static String taskIdOf(WebElement link) {
    Matcher m = TASK_ID.matcher(String.valueOf(link.getAttribute("href")));
    assertThat(m.find()).as("a task link: %s", link.getAttribute("href")).isTrue();
    return m.group(1);
  }

  private static String codeIn(String taskName) {
    Matcher m = CODE.matcher(taskName);
    assertThat(m.find()).as("an opportunity code in %s", taskName).isTrue();
    return m.group(1);
  }

  // ---- what happened, through the API ----

  private String businessKeyOfTask(ApiClient client, String taskId) {
    String instance = client.get("/engine-rest/task/" + taskId).json().path("processInstanceId").asText();
    return ApiClient.as(port, "admin").get("/engine-rest/process-instance/" + instance).json().path("businessKey").asText();
  }

  private static void waitForStage(ApiClient client, String code, String stage) {
    waitFor(() -> stage.equals(client.get("/api/opportunities/" + code).json().path("stage").asText()) ? stage : null,
        code + " to move to " + stage);
  }

  // ---- browsers ----

  /** A new browser session (own profile and cookies) for one user. */
  private TasklistBrowser browser(String user) throws IOException {
    return browsers.start(port, user);
  }

  /** What the user sees now, kept as {@code target/<name>.png}. */
  private static void screenshot(TasklistBrowser browser, String name) throws IOException {
    Path file = Path.of("target", name + ".png");
    Files.createDirectories(file.getParent());
    Files.copy(((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.FILE).toPath(), file,
        StandardCopyOption.REPLACE_EXISTING);
  }

}

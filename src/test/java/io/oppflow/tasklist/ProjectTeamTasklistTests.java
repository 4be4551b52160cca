package io.oppflow.tasklist;

import static io.oppflow.tasklist.TasklistLabels.*;
import static io.oppflow.tasklist.GateExceptionTasklistTests.taskIdOrNull;
import static io.oppflow.tasklist.TasklistBrowser.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;
import io.oppflow.support.Opportunities;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who gets which task in the real Tasklist. A rep starts an opportunity with "Start process" and its form,
 * and its first stage task is theirs at once. A project-team task (stage 4 on) stays with whoever worked the
 * previous stage (here the owner), while manager1 (HQ/East), a candidate by name, can still open it; the same
 * stage task of an opportunity in another unit, which has its own manager, is not theirs to see.
 */
@H2ServiceTest
class ProjectTeamTasklistTests {

  private static final By START = By.cssSelector("button[ng-click='startProcessInstance()']");
  private static final By ERROR_NOTICE = By.xpath("//*[contains(@class,'modal')]//*[contains(@class,'alert-danger')"
      + " and not(contains(@class,'ng-hide'))]");

  @LocalServerPort int port;
  @Autowired HistoryService history;

  private TasklistBrowser rep;
  private TasklistBrowser manager;

  @AfterEach
  void closeBrowsers() throws IOException {
    try {
      if (rep != null) {
        rep.close();
      }
    } finally {
      if (manager != null) {
        manager.close();
      }
    }
  }

  @Test
  @Timeout(120)
  void shouldKeepTheStageTaskWithWhoeverWorksTheDealAndLetOnlyTheManagerOfItsUnitSeeIt() throws IOException {
    String east = toProjectStage("HQ/East/Shanghai-1");
    String otherUnit = "HQ/West/T" + java.util.UUID.randomUUID().toString().substring(0, 6);
    String westManager = "mgr-" + java.util.UUID.randomUUID().toString().substring(0, 6);
    ApiClient admin = ApiClient.as(port, "admin", "demo");
    assertThat(admin.post("/engine-rest/user/create", "{\"profile\": {\"id\": \"" + westManager + "\"},"
        + " \"credentials\": {\"password\": \"west-manager-pw\"}}").status()).isEqualTo(204);
    assertThat(admin.put("/engine-rest/group/sales-manager/members/" + westManager, "{}").status()).isEqualTo(204);
    assertThat(ApiClient.as(port, "ops1").put("/api/org-units/members/" + westManager,
        "{\"orgUnit\": \"" + otherUnit + "\"}").status()).isEqualTo(200);
    String west = toProjectStage(otherUnit);
    ApiClient rep1 = ApiClient.as(port, "rep1");
    String eastTask = waitFor(() -> taskIdOrNull(rep1, east, "Task_INITIATE_PROJECT"), "the INITIATE_PROJECT task of " + east);
    String westTask = waitFor(() -> taskIdOrNull(rep1, west, "Task_INITIATE_PROJECT"), "the INITIATE_PROJECT task of " + west);

    // rep1 completed stage 3, so stage 4 is in rep1's own list: nothing to claim
    rep = TasklistBrowser.start(port, "rep1");
    rep.login("rep1");
    rep.pickFilter(MY_TASKS);
    WebElement own = rep.waiting().until(d -> rep.taskLinks(eastTask).stream().findFirst().orElse(null));
    assertThat(own.getText()).contains("4 引导客户立项 · ").contains("(" + east + ")");

    // manager1, a candidate of the east task, still sees it; the west task is offered to its own manager only
    ApiClient manager1 = ApiClient.as(port, "manager1");
    String seen = manager1.get("/engine-rest/task?candidateUser=manager1&includeAssignedTasks=true"
        + "&taskDefinitionKey=Task_INITIATE_PROJECT&maxResults=2000").body();
    assertThat(seen).contains(eastTask).doesNotContain(westTask);
    manager = TasklistBrowser.start(port, "manager1");
    manager.login("manager1");
    // assigned to rep1, the stage 4 task still shows in the team's filter of manager1, a candidate
    manager.pickFilter("团队任务 / My team's tasks");
    manager.waiting().until(d -> !manager.taskLinks(eastTask).isEmpty());
    assertThat(manager.taskLinks(westTask)).isEmpty();
    manager.driver().get(manager.tasklistUrl() + "#/?task=" + eastTask);
    manager.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-details"),
        "4 引导客户立项 · "));
    assertThat(manager1.get("/engine-rest/task/" + westTask).status()).isIn(403, 404);
  }

  @Test
  @Timeout(120)
  void shouldStartAnOpportunityFromTheStartProcessDialogAndGiveTheRepItsFirstStageTask() throws IOException {
    String name = "Tasklist 新商机 / new opportunity " + java.util.UUID.randomUUID().toString().substring(0, 8);
    rep = TasklistBrowser.start(port, "rep1-start");
    rep.login("rep1");

    rep.click(rep.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".start-process-action a"))));
    By process = By.xpath("//ul[contains(@class,'processes')]//a[contains(normalize-space(.),"
        + TasklistBrowser.literal(PROCESS) + ")]");
    rep.click(rep.waiting().until(ExpectedConditions.elementToBeClickable(process)));
    rep.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.xpath(TasklistBrowser.labelXpath(OPPORTUNITY_NAME))));
    assertThat(rep.formLabel(OPPORTUNITY_NAME).getText()).as("required fields are marked").contains("*");
    assertThat(rep.formLabel(CUSTOMER_NAME).getText()).contains("*");

    // a customer name of blanks passes the form's own check, not the service's: a bilingual refusal
    rep.formTextfield(OPPORTUNITY_NAME).sendKeys(name);
    rep.formTextfield(CUSTOMER_NAME).sendKeys("   ");
    rep.click(rep.driver().findElement(START));
    // Tasklist shows the refusal inside the dialog, at its top
    WebElement refusal = rep.waiting().until(ExpectedConditions.visibilityOfElementLocated(ERROR_NOTICE));
    ((JavascriptExecutor) rep.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", refusal);
    assertThat(refusal.getText()).contains("商机未创建").contains("客户名称").contains("Customer name")
        .doesNotContain("ENGINE-");
    screenshot("tasklist-start-refused");

    WebElement customer = rep.formTextfield(CUSTOMER_NAME);
    customer.sendKeys(Keys.chord(Keys.CONTROL, "a"), "华东制造有限公司");
    rep.choose("客户类型 / Customer type", "新客户 / New");
    rep.driver().findElement(By.xpath("//*[contains(@class,'fjs-form-field')][.//label[contains(normalize-space(.),"
        + "'预计金额 / Expected amount')]]//input")).sendKeys("880000");
    java.util.Date before = new java.util.Date(System.currentTimeMillis() - 1000);
    rep.click(rep.driver().findElement(START));
    rep.waiting().until(ExpectedConditions.invisibilityOfElementLocated(START));

    // the instance rep1 started carries the new opportunity's code as its business key
    String startedCode = waitFor(() -> history.createHistoricProcessInstanceQuery().startedBy("rep1")
        .startedAfter(before).list().stream().map(i -> i.getBusinessKey()).filter(java.util.Objects::nonNull)
        .findFirst().orElse(null), "an instance started by rep1 from Tasklist");
    ApiClient rep1 = ApiClient.as(port, "rep1");
    JsonNode opened = rep1.get("/api/opportunities/" + startedCode).json();
    assertThat(opened.path("name").asText()).isEqualTo(name);
    assertThat(opened.path("owner").asText()).isEqualTo("rep1");
    assertThat(opened.path("orgUnit").asText()).isEqualTo("HQ/East/Shanghai-1");
    assertThat(opened.path("customer").path("name").asText()).isEqualTo("华东制造有限公司");
    assertThat(opened.path("amount").decimalValue()).isEqualByComparingTo("880000");
    String code = opened.path("code").asText();
    String first = waitFor(() -> taskIdOrNull(rep1, code, "Task_TARGET"), "the TARGET task of " + code);
    rep.driver().get(rep.tasklistUrl());
    rep.pickFilter(MY_TASKS);
    WebElement link = rep.waiting().until(d -> rep.taskLinks(first).stream().findFirst().orElse(null));
    assertThat(link.getText()).contains("1 定位目标客户群 · ").contains("(" + code + ")");
    screenshot("tasklist-start-first-task");
  }

  /** A screenshot of rep1's browser under {@code target/}. */
  private void screenshot(String name) throws IOException {
    Path file = Path.of("target", name + ".png");
    Files.createDirectories(file.getParent());
    Files.copy(((TakesScreenshot) rep.driver()).getScreenshotAs(OutputType.FILE).toPath(), file,
        StandardCopyOption.REPLACE_EXISTING);
  }

  /** A qualified opportunity of rep1 in {@code orgUnit}, opened by sales-ops, advanced to INITIATE_PROJECT (stage 4). */
  private String toProjectStage(String orgUnit) {
    ApiClient rep1 = ApiClient.as(port, "rep1");
    String code = Opportunities.freshCode("TEAM");
    // Sales-ops open it: a rep opens opportunities only in their own team (or below).
    assertThat(ApiClient.as(port, "ops1").post("/api/opportunities",
        Opportunities.qualified(code).put("owner", "rep1").put("orgUnit", orgUnit).toString()).status()).isEqualTo(201);
    assertThat(rep1.patch("/api/opportunities/" + code, Opportunities.allRemainingFacts()).status()).isEqualTo(200);
    for (int i = 0; i < 3; i++) {
      if (i == 2) {  // CONFIRM_INTENT wants a meeting with a decision maker during the stage
        assertThat(rep1.post("/api/opportunities/" + code + "/activities", "{\"type\": \"MEETING\", \"date\": \""
            + java.time.LocalDate.now() + "\", \"contact\": \"王强\", \"note\": \"CIO confirmed the need\"}").status())
            .isEqualTo(201);
      }
      assertThat(rep1.post("/api/opportunities/" + code + "/advance", null).json().path("verdict").asText())
          .as("advance %d of %s", i + 1, code).isEqualTo("PASSED");
    }
    return code;
  }
}

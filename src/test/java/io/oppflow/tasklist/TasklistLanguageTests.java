package io.oppflow.tasklist;

import static io.oppflow.tasklist.TasklistLabels.*;
import static io.oppflow.tasklist.GateExceptionTasklistTests.taskIdOrNull;
import static io.oppflow.tasklist.TasklistBrowser.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;
import io.oppflow.support.Opportunities;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist speaks the language the browser prefers: Chinese (oppflow's zh.json) to a browser set to Chinese,
 * Camunda's English to one set to English, from the login page through the task list, the task's buttons and
 * tabs to the start-process dialog and its refusal. Filters, forms and our own messages are bilingual in both.
 * The screenshots go to {@code target/tasklist-zh-*.png} and {@code target/tasklist-en-*.png}.
 */
@H2ServiceTest
class TasklistLanguageTests {

  private static final By START_PROCESS = By.cssSelector(".start-process-action a");
  private static final By START = By.cssSelector("button[ng-click='startProcessInstance()']");
  private static final By LOG_IN = By.cssSelector("form button[type='submit']");
  private static final By REFUSAL = By.xpath("//*[contains(@class,'modal')]//*[contains(@class,'alert-danger')"
      + " and not(contains(@class,'ng-hide'))]");

  /** What Tasklist's own chrome says in one language. */
  record Chrome(String language, String logIn, String startProcess, String complete, String formTab,
      String pickAProcess, String notStarted, String timeAgo) {}

  private static final Chrome CHINESE = new Chrome("zh-CN", "登录", "启动流程", "完成", "表单",
      "点击要启动的流程。", "流程未能启动", "前");
  private static final Chrome ENGLISH = new Chrome("en-US", "Log in", "Start process", "Complete", "Form",
      "Click on the process to start.", "The process could not be started.", " ago");

  @LocalServerPort int port;

  private TasklistBrowser browser;

  @AfterEach
  void closeBrowser() throws IOException {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  @Timeout(120)
  void shouldSpeakChineseToARepWhoseBrowserPrefersChinese() throws IOException {
    walkThroughTasklist(CHINESE, "zh");
  }

  @Test
  @Timeout(120)
  void shouldKeepCamundasEnglishForARepWhoseBrowserPrefersEnglish() throws IOException {
    walkThroughTasklist(ENGLISH, "en");
  }

  @Test
  @Timeout(60)
  void shouldSignInOnTheWelcomePageInChineseWithAChineseBrowser() throws IOException {
    browser = TasklistBrowser.start(port, "welcome-zh", CHINESE.language());
    browser.driver().get("http://localhost:" + port + "/camunda/app/welcome/default/");
    WebElement logIn = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(LOG_IN));
    browser.waiting().until(d -> logIn.getText().equals(CHINESE.logIn()));
    TasklistBrowser.signIn(browser.driver(), browser.waiting(), "rep1", "demo");
    WebElement applications = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("section.webapps .section-title")));
    assertThat(applications.getText()).isEqualTo("应用");
    browser.screenshotTo(Path.of("target", "tasklist-zh-welcome.png"));
  }

  private void walkThroughTasklist(Chrome chrome, String shots) throws IOException {
    String code = Opportunities.freshCode("LANG");
    ApiClient rep1 = ApiClient.as(port, "rep1");
    assertThat(rep1.post("/api/opportunities", Opportunities.minimal(code).toString()).status()).isEqualTo(201);
    String taskId = waitFor(() -> taskIdOrNull(rep1, code, "Task_TARGET"), "the TARGET task of " + code);
    browser = TasklistBrowser.start(port, "rep1-" + shots, chrome.language());

    // the login page
    browser.driver().get(browser.tasklistUrl());
    WebElement logIn = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(LOG_IN));
    browser.waiting().until(d -> logIn.getText().equals(chrome.logIn()));
    shot(shots, "login");
    TasklistBrowser.signIn(browser.driver(), browser.waiting(), "rep1", "demo");
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filter")));

    // the task list under its bilingual filter; the open task's buttons and tabs; the list's dates in the same
    // language, also once the task view has made Tasklist load its English labels (the fallback) too
    browser.pickFilter(MY_TASKS);
    browser.waiting().until(d -> !browser.taskLinks(taskId).isEmpty());
    browser.openTask(taskId, GATE_FEEDBACK);
    browser.driver().navigate().refresh();
    browser.waitForForm(GATE_FEEDBACK);
    WebElement created = browser.waiting().until(d -> d.findElement(By.xpath("//li[contains(@class,'task')]"
        + "[.//h4/a[contains(@href,'task=" + taskId + "')]]//*[contains(@class,'creation-date')]")));
    browser.waiting().until(d -> !created.getText().isBlank());
    assertThat(created.getText()).contains(chrome.timeAgo());
    // the labels of the shown language may arrive after those of the fallback: wait for them
    browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(START_PROCESS, chrome.startProcess()));
    browser.waiting().until(ExpectedConditions.textToBe(TasklistBrowser.completeButton(), chrome.complete()));
    browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-details .nav-tabs"),
        chrome.formTab()));
    shot(shots, "task");

    // the start-process dialog: Tasklist's own notice in front of oppflow's bilingual refusal
    browser.click(browser.waiting().until(ExpectedConditions.elementToBeClickable(START_PROCESS)));
    browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".modal-content"),
        chrome.pickAProcess()));
    browser.click(browser.waiting().until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//ul[contains(@class,'processes')]//a[contains(normalize-space(.)," + TasklistBrowser.literal(PROCESS) + ")]"))));
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.xpath(TasklistBrowser.labelXpath(OPPORTUNITY_NAME))));
    browser.formTextfield(OPPORTUNITY_NAME).sendKeys("语言测试 / Language test " + code);
    browser.formTextfield(CUSTOMER_NAME).sendKeys("   ");
    browser.click(browser.driver().findElement(START));
    WebElement refusal = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(REFUSAL));
    ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", refusal);
    assertThat(refusal.findElement(By.cssSelector("strong")).getText()).isEqualTo(chrome.notStarted());
    assertThat(refusal.findElement(By.cssSelector(".message")).getText()).startsWith("商机未创建：").contains("not opened");
    shot(shots, "start-refused");

    // which locale file arrives last varies; made to be English, the dates still follow the labels
    assertThat(dateLanguageAfterTheEnglishFileArrives()).isEqualTo(chrome.language().substring(0, 2));
  }

  /** Has Tasklist load its English labels again, as when they arrive last, and gives the language of its dates. */
  private Object dateLanguageAfterTheEnglishFileArrives() {
    return ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        const injector = window.angular.element(document).injector();
        const moment = injector.get('moment');
        injector.get('$translate').refresh('en').then(() => done(moment.locale()), e => done('failed: ' + e));
        """);
  }

  private void shot(String language, String what) throws IOException {
    browser.screenshotTo(Path.of("target", "tasklist-" + language + "-" + what + ".png"));
  }
}

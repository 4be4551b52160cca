package io.oppflow.tasklist;

import static io.oppflow.tasklist.TasklistLabels.*;
import static io.oppflow.tasklist.TasklistBrowser.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;
import io.oppflow.support.Opportunities;
import java.io.File;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Real headless Chromium driving the real Camunda Tasklist: a rep works the stage task of their own
 * opportunity through its Camunda Form, the stage gate checks it, and another rep never sees it.
 *
 * <p>Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (Debian packages {@code chromium}
 * and {@code chromium-driver}); fails, never skips, without them. On failure a screenshot and the page
 * source go to {@code /tmp/tasklist-<test>.png/.html}.
 */
@H2ServiceTest
class TasklistBrowserTests {

  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final String GATE_FAILED = "✗ 关卡未通过 / Gate failed: TARGET-01 · " + TARGET_TASK;
  private static final Duration WAIT = Duration.ofSeconds(20);

  @LocalServerPort
  int port;

  private WebDriver driver;
  private Path profileDir;

  @RegisterExtension
  final TestExecutionExceptionHandler screenshotOnFailure = this::screenshotAndRethrow;

  @BeforeEach
  void startBrowser() throws IOException {
    if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
      fail("Browser tests need Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
          + ": install them with `apt-get update && apt-get install -y chromium chromium-driver`"
          + " (CI installs them in .ci/run)");
    }
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    profileDir = Files.createTempDirectory("oppflow-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-dev-shm-usage", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--lang=en-US", "--window-size=1600,1200", "--user-data-dir=" + profileDir);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort()
        .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(WAIT);
  }

  @AfterEach
  void stopBrowser() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (profileDir != null) {
      try (var paths = Files.walk(profileDir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  @Timeout(90)
  void shouldShowRepOwnTaskAndAdvanceWhenFormSatisfiesGate() throws IOException {
    String code = Opportunities.freshCode("TL");
    String name = "浏览器测试 / Browser test " + code;
    createMinimalOpportunityForRep1(code, name);
    ApiClient rep1 = ApiClient.as(port, "rep1");
    String taskId = singleTaskIdOf(rep1, code);

    loginToTasklist("rep1");
    pickFilter(MY_TASKS);
    // The rep's own task is in the "My tasks" list, named for its deal.
    wait(WAIT).until(d -> !taskLinks(taskId).isEmpty());
    assertThat(taskLinks(taskId).get(0).getText()).contains(TARGET_TASK + " · 上海某公司 · " + name + " (" + code + ")");

    // The task's Description tab lists the deal's facts, one line each.
    openTask(taskId);
    click(wait(WAIT).until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='Description']"))));
    wait(WAIT).until(d -> d.findElements(By.cssSelector(".description-pane")).stream()
        .anyMatch(p -> p.isDisplayed() && p.getText().contains(
            "金额 / Amount: 250,000 · 负责人 / Owner: rep1 · 组织 / Org unit: HQ/East/Shanghai-1\n阶段 / Stage: " + TARGET_TASK)));
    saveScreenshot("tasklist-task-description");

    // First try: complete without ticking the target-segment box; the gate fails on TARGET-01.
    openTask(taskId);
    assertThat(formLabel(GATE_FEEDBACK).isDisplayed()).isTrue();
    completeTask();

    // Right after Complete, without opening anything, Tasklist's notice of the rep's new tasks in this
    // process names the task that came back for its failure.
    WebElement notice = wait(WAIT).until(d -> d.findElements(By.cssSelector(".page-notifications .alert")).stream()
        .filter(a -> a.getText().contains("You are assigned to the following tasks in the same process"))
        .findFirst().orElse(null));
    wait(WAIT).until(d -> notice.getText().contains(GATE_FAILED));
    assertThat(notice.getText()).contains(GATE_FAILED + " · 上海某公司 · " + name);
    saveScreenshot("tasklist-gate-failed-notice");

    JsonNode failed = waitForGateRecords(rep1, code, 1).get(0);
    assertThat(failed.path("stage").asText()).isEqualTo("TARGET");
    assertThat(failed.path("verdict").asText()).isEqualTo("FAILED");
    assertThat(failed.path("failures").toString()).contains("TARGET-01");
    assertThat(rep1.get("/api/opportunities/" + code).json().path("stage").asText()).isEqualTo("TARGET");

    // The task comes back, named for its failure in the list, and its form shows the gate feedback.
    String retryTaskId = waitFor(() -> taskIdOrNull(rep1, code, taskId), "the TARGET task to come back");
    wait(WAIT).until(d -> taskLinks(retryTaskId).stream().anyMatch(l -> l.getText().contains(GATE_FAILED)));
    openTask(retryTaskId);
    WebElement feedback = formTextarea(GATE_FEEDBACK);
    wait(WAIT).until(d -> String.valueOf(feedback.getDomProperty("value")).contains("TARGET-01"));

    // Second try: tick "in a target customer segment" and complete; the gate passes.
    WebElement inTargetSegment = formCheckbox("目标客户群");
    assertThat(inTargetSegment.isSelected()).isFalse();
    click(inTargetSegment);
    wait(WAIT).until(d -> inTargetSegment.isSelected());
    completeTask();

    JsonNode passed = waitForGateRecords(rep1, code, 2).get(1);
    assertThat(passed.path("stage").asText()).isEqualTo("TARGET");
    assertThat(passed.path("verdict").asText()).isEqualTo("PASSED");
    assertThat(passed.path("requestedBy").asText()).isEqualTo("rep1");
    waitFor(() -> "DISCOVER".equals(rep1.get("/api/opportunities/" + code).json().path("stage").asText()) ? "ok" : null,
        "the opportunity to move to DISCOVER");
  }

  @Test
  @Timeout(60)
  void shouldNotShowOtherRepsTasks() {
    String code = Opportunities.freshCode("TL");
    String name = "浏览器测试 / Browser test " + code;
    createMinimalOpportunityForRep1(code, name);
    String rep1TaskId = singleTaskIdOf(ApiClient.as(port, "rep1"), code);

    // The engine's REST API hides rep1's task from rep2 ...
    ApiClient.Response asRep2 = ApiClient.as(port, "rep2").get("/engine-rest/task?processInstanceBusinessKey=" + encode(code));
    assertThat(asRep2.status()).isEqualTo(200);
    assertThat(asRep2.json().size()).as("tasks rep2 sees: %s", asRep2.body()).isZero();

    // ... and so does the Tasklist.
    loginToTasklist("rep2");
    pickFilter(MY_TASKS);
    wait(WAIT).until(d -> !d.findElements(By.cssSelector(".tasks-list, .task-filter .counter")).isEmpty());
    // Let the list settle (the counter shows the filter's count once the query has returned).
    wait(WAIT).until(d -> d.findElements(By.cssSelector(".task-filter.active .counter")).stream()
        .anyMatch(e -> !e.getText().isBlank()));
    assertThat(taskLinks(rep1TaskId)).isEmpty();
    assertThat(driver.getPageSource()).doesNotContain(rep1TaskId).doesNotContain(code).doesNotContain(name);

    // Even with the task's address, rep2 gets no form for it.
    driver.get(tasklistUrl() + "#/?task=" + rep1TaskId);
    wait(WAIT).until(d -> d.findElements(By.cssSelector(".page-notifications .alert")).stream()
        .anyMatch(a -> a.getText().contains("No matching task")));
    assertThat(driver.findElements(By.xpath(labelXpath(GATE_FEEDBACK)))).isEmpty();
    assertThat(driver.getPageSource()).doesNotContain(name);
  }

  // ---- API helpers ----

  private void createMinimalOpportunityForRep1(String code, String name) {
    ObjectNode body = Opportunities.minimal(code);
    body.put("name", name);
    ApiClient.Response created = ApiClient.as(port, "rep1").post("/api/opportunities", body.toString());
    assertThat(created.status()).as("create %s: %s", code, created).isEqualTo(201);
    assertThat(created.json().path("stage").asText()).isEqualTo("TARGET");
  }

  private String singleTaskIdOf(ApiClient client, String code) {
    return waitFor(() -> taskIdOrNull(client, code, null), "the TARGET task of " + code);
  }

  /** The id of the open task of the opportunity as the client sees it, if it is not {@code notThis}. */
  private static String taskIdOrNull(ApiClient client, String code, String notThis) {
    ApiClient.Response r = client.get("/engine-rest/task?processInstanceBusinessKey=" + encode(code));
    assertThat(r.status()).as("engine-rest tasks: %s", r).isEqualTo(200);
    for (JsonNode task : r.json()) {
      if ("Task_TARGET".equals(task.path("taskDefinitionKey").asText()) && !task.path("id").asText().equals(notThis)) {
        return task.path("id").asText();
      }
    }
    return null;
  }

  private List<JsonNode> waitForGateRecords(ApiClient client, String code, int count) {
    return waitFor(() -> {
      ApiClient.Response r = client.get("/api/opportunities/" + code + "/gate-records");
      assertThat(r.status()).as("gate records: %s", r).isEqualTo(200);
      List<JsonNode> records = new java.util.ArrayList<>();
      r.json().forEach(records::add);
      return records.size() >= count ? records : null;
    }, count + " gate record(s) of " + code);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  // ---- browser helpers ----

  private String tasklistUrl() {
    return "http://localhost:" + port + "/camunda/app/tasklist/default/";
  }

  private WebDriverWait wait(Duration timeout) {
    WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(200));
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    return wait;
  }

  private void loginToTasklist(String user) {
    driver.get("http://localhost:" + port + "/camunda/app/tasklist/");
    TasklistBrowser.signIn(driver, wait(WAIT), user, "demo");
    wait(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filter")));
  }

  private void pickFilter(String filterName) {
    By filter = By.xpath("//div[contains(@class,'task-filter')][.//h4[contains(normalize-space(.),'" + filterName + "')]]");
    wait(WAIT).until(ExpectedConditions.elementToBeClickable(filter));
    driver.findElement(filter).findElement(By.cssSelector("h4 a")).click();
    wait(WAIT).until(d -> d.findElement(filter).getAttribute("class").contains("active"));
  }

  private List<WebElement> taskLinks(String taskId) {
    return driver.findElements(By.cssSelector(".tasks-list li.task h4 a[href*='task=" + taskId + "']"));
  }

  private void openTask(String taskId) {
    driver.get(tasklistUrl() + "#/?task=" + taskId);
    // The Camunda Form (form-js) is rendered inside the task view once the task and its form load.
    wait(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.xpath(labelXpath(GATE_FEEDBACK))));
    wait(WAIT).until(ExpectedConditions.elementToBeClickable(completeButton()));
  }

  private static By completeButton() {
    return By.cssSelector("button[ng-click='complete()']");
  }

  private void completeTask() {
    click(wait(WAIT).until(ExpectedConditions.elementToBeClickable(completeButton())));
    // Tasklist closes the task view after a successful completion.
    wait(WAIT).until(ExpectedConditions.invisibilityOfElementLocated(By.xpath(labelXpath(GATE_FEEDBACK))));
  }

  /** Clicks an element after scrolling it to the middle, clear of Tasklist's fixed header and footer. */
  private void click(WebElement element) {
    dismissNotifications();
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    wait(WAIT).until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  /**
   * Closes Tasklist's pop-up notifications (e.g. "You are assigned to the following tasks in the same
   * process"), which may cover the form's buttons; an error notification fails the test instead.
   */
  private void dismissNotifications() {
    for (WebElement alert : driver.findElements(By.cssSelector(".page-notifications .alert"))) {
      String kind = String.valueOf(alert.getAttribute("class"));
      if (kind.contains("alert-danger") || kind.contains("alert-error")) {
        fail("Tasklist shows an error: " + alert.getText());
      }
      alert.findElements(By.cssSelector("button.close")).stream()
          .filter(WebElement::isDisplayed).findFirst().ifPresent(WebElement::click);
    }
    wait(WAIT).until(d -> d.findElements(By.cssSelector(".page-notifications .alert")).isEmpty());
  }

  private static String labelXpath(String label) {
    return "//*[contains(@class,'fjs-form-field')]//label[contains(normalize-space(.),'" + label + "')]";
  }

  private WebElement formLabel(String label) {
    return driver.findElement(By.xpath(labelXpath(label)));
  }

  private WebElement formTextarea(String label) {
    return driver.findElement(By.xpath("//*[contains(@class,'fjs-form-field')][.//label[contains(normalize-space(.),'"
        + label + "')]]//textarea"));
  }

  private WebElement formCheckbox(String labelPart) {
    return driver.findElement(By.xpath("//*[contains(@class,'fjs-form-field')][.//label[contains(normalize-space(.),'"
        + labelPart + "')]]//input[@type='checkbox']"));
  }

  /** Keeps what the user sees now as {@code target/<name>.png}. */
  private void saveScreenshot(String name) throws IOException {
    Files.createDirectories(Path.of("target"));
    Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", name + ".png"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  private void screenshotAndRethrow(ExtensionContext context, Throwable failure) throws Throwable {
    if (driver instanceof TakesScreenshot camera) {
      String base = "/tmp/tasklist-" + context.getRequiredTestMethod().getName();
      try {
        Files.copy(camera.getScreenshotAs(OutputType.FILE).toPath(), Path.of(base + ".png"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(Path.of(base + ".html"), driver.getPageSource());
        failure.addSuppressed(new AssertionError("Screenshot: " + base + ".png, page: " + base + ".html, at " + driver.getCurrentUrl()));
      } catch (RuntimeException | IOException e) {
        failure.addSuppressed(e);
      }
    }
    throw failure;
  }
}

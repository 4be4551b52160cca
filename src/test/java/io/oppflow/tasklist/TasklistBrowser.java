package io.oppflow.tasklist;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One real headless Chromium session (own profile, so own cookies) driving the real Camunda Tasklist,
 * with the same launch flags as {@link TasklistBrowserTests}. Form fields are found by their label in the
 * rendered Camunda Form (form-js).
 *
 * <p>Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}; fails, never skips, without them.
 */
public final class TasklistBrowser implements AutoCloseable {

  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  public static final Duration WAIT = Duration.ofSeconds(20);

  /**
   * Waits until {@code probe} (a look at the service behind the browser, e.g. over its REST API) gives a value
   * other than null, and returns it; fails naming {@code what} after {@link #WAIT}.
   */
  static <T> T waitFor(Callable<T> probe, String what) {
    return await(what).atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(probe, Objects::nonNull);
  }

  private final int port;
  private final String name;
  private final Path profileDir;
  private final WebDriver driver;

  private TasklistBrowser(int port, String name, Path profileDir, WebDriver driver) {
    this.port = port;
    this.name = name;
    this.profileDir = profileDir;
    this.driver = driver;
  }

  /** Starts a fresh browser in US English (new profile, no cookies); {@code name} tells its screenshots apart. */
  public static TasklistBrowser start(int port, String name) throws IOException {
    return start(port, name, "en-US");
  }

  /**
   * Starts a fresh browser whose user prefers {@code language} (a BCP 47 tag such as {@code zh-CN}): Chromium's
   * UI language and the first of its accept-languages, which is what the page sees as {@code navigator.languages}.
   */
  public static TasklistBrowser start(int port, String name, String language) throws IOException {
    if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
      fail("Browser tests need Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
          + ": install them with `apt-get update && apt-get install -y chromium chromium-driver`"
          + " (CI installs them in .ci/run)");
    }
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    Path profileDir = Files.createTempDirectory("oppflow-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-dev-shm-usage", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--lang=" + language, "--window-size=1600,1200", "--user-data-dir=" + profileDir);
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort()
        .build();
    WebDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(WAIT);
    return new TasklistBrowser(port, name, profileDir, driver);
  }

  public WebDriver driver() {
    return driver;
  }

  public String tasklistUrl() {
    return "http://localhost:" + port + "/camunda/app/tasklist/default/";
  }

  public WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(200));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  public void login(String user) {
    driver.get("http://localhost:" + port + "/camunda/app/tasklist/");
    try {
      signIn(driver, waiting(), user, "demo");
    } catch (TimeoutException e) {
      // seen on a loaded machine: Tasklist's first page of a fresh server shows no sign-in within WAIT; load it again
      driver.navigate().refresh();
      signIn(driver, waiting(), user, "demo");
    }
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filter")));
  }

  /**
   * Fills Tasklist's login form and submits it once both fields hold what was typed: while the page is
   * still settling, keys sent to one field can land in the other (seen under load as "rep1demo").
   */
  public static void signIn(WebDriver driver, WebDriverWait wait, String user, String password) {
    By username = By.cssSelector("input[ng-model='username']");
    By secret = By.cssSelector("input[ng-model='password']");
    wait.until(ExpectedConditions.visibilityOfElementLocated(username));
    wait.until(ExpectedConditions.visibilityOfElementLocated(secret));
    wait.until(d -> {
      WebElement u = d.findElement(username);
      WebElement p = d.findElement(secret);
      if (user.equals(u.getDomProperty("value")) && password.equals(p.getDomProperty("value"))) {
        return true;
      }
      u.clear();
      u.sendKeys(user);
      p.clear();
      p.sendKeys(password);
      return false;
    });
    driver.findElement(By.cssSelector("form button[type='submit']")).click();
  }

  void pickFilter(String filterName) {
    By filter = By.xpath("//div[contains(@class,'task-filter')][.//h4[contains(normalize-space(.)," + literal(filterName) + ")]]");
    waiting().until(ExpectedConditions.elementToBeClickable(filter));
    driver.findElement(filter).findElement(By.cssSelector("h4 a")).click();
    waiting().until(d -> d.findElement(filter).getAttribute("class").contains("active"));
  }

  /** The links to the task in the task list of the current filter. */
  List<WebElement> taskLinks(String taskId) {
    return driver.findElements(By.cssSelector(".tasks-list li.task h4 a[href*='task=" + taskId + "']"));
  }

  /** Opens the task by its address and waits until its form shows the field labelled {@code formLabel}. */
  void openTask(String taskId, String formLabel) {
    driver.get(tasklistUrl() + "#/?task=" + taskId);
    waitForForm(formLabel);
  }

  /** Opens the task by clicking it in the task list of the current filter. */
  void clickTaskInList(String taskId, String formLabel) {
    // Tasklist redraws its list when it refreshes: a link gone stale is looked up again and clicked
    waiting().until(d -> {
      WebElement link = taskLinks(taskId).stream().findFirst().orElse(null);
      if (link == null) {
        return false;
      }
      dismissNotifications();
      ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", link);
      link.click();
      return true;
    });
    waiting().until(d -> d.getCurrentUrl().contains("task=" + taskId));
    waitForForm(formLabel);
  }

  /** Waits until the open task's or start form shows the field labelled {@code formLabel}. */
  void waitForForm(String formLabel) {
    // The Camunda Form (form-js) is rendered inside the task view once the task and its form load.
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.xpath(labelXpath(formLabel))));
  }

  /** Claims the open task (a candidate's task is not theirs to complete until claimed). */
  void claim() {
    By claim = By.cssSelector("button.claim[ng-click='claim()']");
    click(waiting().until(ExpectedConditions.elementToBeClickable(claim)));
    waiting().until(ExpectedConditions.invisibilityOfElementLocated(claim));
  }

  static By completeButton() {
    return By.cssSelector("button[ng-click='complete()']");
  }

  /** Completes the open task and waits until Tasklist has closed its form. */
  void complete(String formLabel) {
    click(waiting().until(ExpectedConditions.elementToBeClickable(completeButton())));
    // Tasklist closes the task view after a successful completion; an error notice fails the test.
    waiting().until(d -> {
      failOnErrorNotice();
      return d.findElements(By.xpath(labelXpath(formLabel))).stream().noneMatch(WebElement::isDisplayed);
    });
  }

  /** Clicks an element after scrolling it to the middle, clear of Tasklist's fixed header and footer. */
  public void click(WebElement element) {
    dismissNotifications();
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    waiting().until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  /**
   * Closes Tasklist's pop-up notifications (e.g. "You are assigned to the following tasks in the same
   * process"), which may cover the form's buttons; an error notification fails the test instead.
   */
  void dismissNotifications() {
    failOnErrorNotice();
    for (WebElement alert : driver.findElements(By.cssSelector(".page-notifications .alert"))) {
      alert.findElements(By.cssSelector("button.close")).stream()
          .filter(WebElement::isDisplayed).findFirst().ifPresent(WebElement::click);
    }
    waiting().until(d -> d.findElements(By.cssSelector(".page-notifications .alert")).isEmpty());
  }

  private void failOnErrorNotice() {
    for (WebElement alert : driver.findElements(By.cssSelector(".page-notifications .alert"))) {
      String kind = String.valueOf(alert.getAttribute("class"));
      if (kind.contains("alert-danger") || kind.contains("alert-error")) {
        fail("Tasklist shows an error: " + alert.getText());
      }
    }
  }

  static String labelXpath(String label) {
    return "//*[contains(@class,'fjs-form-field')]//label[contains(normalize-space(.)," + literal(label) + ")]";
  }

  private static String fieldXpath(String label) {
    return "//*[contains(@class,'fjs-form-field')][.//label[contains(normalize-space(.)," + literal(label) + ")]]";
  }

  /** An XPath string literal of {@code text}, which may contain single quotes ("Requester's reason"). */
  static String literal(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }

  WebElement formLabel(String label) {
    return driver.findElement(By.xpath(labelXpath(label)));
  }

  WebElement formTextarea(String label) {
    return driver.findElement(By.xpath(fieldXpath(label) + "//textarea"));
  }

  WebElement formTextfield(String label) {
    return driver.findElement(By.xpath(fieldXpath(label) + "//input[@type='text']"));
  }

  /** The input of the field labelled {@code label} (a number field's, a date field's). */
  WebElement formInput(String label) {
    return driver.findElement(By.xpath(fieldXpath(label) + "//input"));
  }

  /** Types into the text field or number field labelled {@code label}, waiting until it holds the text. */
  void typeInField(String label, String text) {
    type(By.xpath(fieldXpath(label) + "//input"), text);
  }

  /**
   * Picks today in the date field labelled {@code label} as a user does: a click opens its calendar, a click on
   * today's day (marked by the calendar) picks it. Returns what the field shows then (e.g. "12/02/2026").
   */
  String pickToday(String label) {
    By input = By.xpath(fieldXpath(label) + "//input");
    By today = By.xpath(fieldXpath(label) + "//*[contains(@class,'flatpickr-calendar')][contains(@class,'open')]"
        + "//*[contains(@class,'flatpickr-day')][contains(@class,'today')]");
    click(waiting().until(ExpectedConditions.elementToBeClickable(input)));
    click(waiting().until(ExpectedConditions.elementToBeClickable(today)));
    return waiting().until(d -> {
      String value = d.findElement(input).getDomProperty("value");
      return value == null || value.isBlank() ? null : value;
    });
  }

  /** Ticks the checkbox whose label contains {@code labelPart}, waiting until it is ticked. */
  void tick(String labelPart) {
    WebElement box = waiting().until(ExpectedConditions.presenceOfElementLocated(By.xpath(fieldXpath(labelPart) + "//input[@type='checkbox']")));
    if (!box.isSelected()) {
      click(box);
    }
    waiting().until(d -> box.isSelected());
  }

  WebElement formCheckbox(String labelPart) {
    return driver.findElement(By.xpath(fieldXpath(labelPart) + "//input[@type='checkbox']"));
  }

  /** The value the form shows in a text field or text area, waiting until it contains {@code expected}. */
  String waitForValue(WebElement input, String expected) {
    waiting().until(d -> String.valueOf(input.getDomProperty("value")).contains(expected));
    return input.getDomProperty("value");
  }

  /** Types into the text area labelled {@code label} once it is shown (e.g. after a conditional un-hides it). */
  void typeInTextarea(String label, String text) {
    type(By.xpath(fieldXpath(label) + "//textarea"), text);
  }

  /**
   * Types {@code text} into the input or text area, in place of what it holds, and leaves it, until
   * it holds exactly that. A form-js field passes what is typed on to the form only when it is left (or a
   * moment later), and a redraw of the form in between, e.g. for the field left just before, puts the form's
   * value back: the keys are lost. Leaving the field hands its value to the form, so a later redraw keeps it.
   */
  private void type(By field, String text) {
    click(waiting().until(ExpectedConditions.visibilityOfElementLocated(field)));
    waiting().until(d -> {
      WebElement input = d.findElement(field);
      if (text.equals(input.getDomProperty("value")) && !input.equals(d.switchTo().activeElement())) {
        return true;
      }
      input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
      ((JavascriptExecutor) d).executeScript("arguments[0].blur();", input);
      return false;  // looked at again on the next poll, once the form has redrawn
    });
  }

  /**
   * Chooses the option whose label contains {@code optionLabelPart} in the form-js select labelled
   * {@code label} as a user does with the keyboard: a click opens its drop-down list, the arrow keys move
   * to the option and Enter picks it. (The list opens below the field, where Tasklist's fixed footer may
   * cover it, so its items are not clicked.)
   */
  void choose(String label, String optionLabelPart) {
    By group = By.xpath(fieldXpath(label) + "//*[contains(@class,'fjs-input-group')]");
    By display = By.xpath(fieldXpath(label) + "//*[contains(@class,'fjs-select-display')]");
    By items = By.xpath(fieldXpath(label) + "//*[contains(@class,'fjs-dropdownlist-item')]");
    By focused = By.xpath(fieldXpath(label) + "//*[contains(@class,'fjs-dropdownlist-item')][contains(@class,'focused')]");
    click(waiting().until(ExpectedConditions.elementToBeClickable(group)));
    int count = waiting().until(d -> {
      int n = d.findElements(items).size();
      return n > 0 ? n : null;
    });
    Actions keyboard = new Actions(driver);
    for (int i = 0; i <= count; i++) {
      String current = driver.findElements(focused).stream().findFirst().map(WebElement::getText).orElse("");
      if (current.contains(optionLabelPart)) {
        keyboard.sendKeys(Keys.ENTER).perform();
        waiting().until(d -> d.findElement(display).getText().contains(optionLabelPart));
        return;
      }
      keyboard.sendKeys(Keys.ARROW_DOWN).perform();
      String before = current;
      waiting().until(d -> d.findElements(focused).stream().findFirst().map(WebElement::getText)
          .filter(t -> !t.equals(before)).isPresent());
    }
    fail("No option '" + optionLabelPart + "' in the select '" + label + "'");
  }

  /** Saves a screenshot and the page source to {@code /tmp/<base>-<name>.png/.html} and returns the paths. */
  public String screenshot(String base) throws IOException {
    String path = "/tmp/" + base + "-" + name;
    Files.copy(((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath(), Path.of(path + ".png"),
        StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(Path.of(path + ".html"), driver.getPageSource());
    return "Screenshot: " + path + ".png, page: " + path + ".html, at " + driver.getCurrentUrl();
  }

  /** Saves a screenshot of what the user sees to {@code target/screenshots/<name>.png} and returns its path. */
  Path keepScreenshot(String name) throws IOException {
    return screenshotTo(Path.of("target", "screenshots", name + ".png"));
  }

  /** Saves a screenshot of what the user sees to {@code file} and returns it. */
  Path screenshotTo(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.copy(((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    return file;
  }

  /**
   * The webapp apps the Camunda header offers to switch to (its app menu: "cockpit", "admin", "tasklist",
   * "welcome"); none when the user may open no other app.
   */
  List<String> headerApps() {
    return driver.findElements(By.cssSelector("[cam-widget-header] .dropdown-menu li[ng-repeat*='apps']")).stream()
        .flatMap(li -> java.util.Arrays.stream(String.valueOf(li.getAttribute("class")).split("\\s+")))
        .filter(List.of("welcome", "admin", "cockpit", "tasklist")::contains).toList();
  }

  /** Whether Camunda's "migrate to Camunda 8" banner is in the header and shown (oppflow hides it). */
  boolean showsMigrationBanner() {
    return driver.findElements(By.cssSelector(".ce-eol-banner")).stream().anyMatch(WebElement::isDisplayed);
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (var paths = Files.walk(profileDir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}

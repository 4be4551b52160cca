package io.oppflow.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oppflow.gate.internal.RuleFiles;
import io.oppflow.shared.Message;
import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;
import io.oppflow.support.Opportunities;
import io.oppflow.support.ShippedRules;
import io.oppflow.tasklist.TasklistBrowser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The rules page in a real Chromium: the active version as GET /api/rules has it; a candidate whose DRL does not
 * compile, its error read on its file and line; a candidate that tightens one criterion, its impact preview equal
 * to POST /api/rules/preview's for the same files, drilled to the opportunities; both languages; read only for a
 * manager. Nothing is activated: before and after, the shipped rules are active ({@link ShippedRules}).
 */
@H2ServiceTest
@ExtendWith(ShippedRules.class)
class RulesPageBrowserTests {

  private static final String CRITERIA = "projectsales/criteria.drl.csv";
  private static final String TARGET_CASES = "projectsales/target.cases.yaml";
  private static final String DISCOVER = "projectsales/discover.drl";
  private static final List<String> KINDS = List.of("replayed", "unchanged", "passedToFailed", "failedToPassed", "notReplayed");

  @LocalServerPort int port;

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private ApiClient ops() {
    return ApiClient.as(port, "ops1");
  }

  @Test
  void shouldShowTheActiveVersionTheCompilersErrorOnItsFileAndLineAndTheApisImpactPreviewOfATightenedCriterion()
      throws Exception {
    String passes = advanceWithoutIndustry();
    String fails = advanceMinimal();
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    String window = "from=" + today + "&to=" + today;
    Path broken = writeRuleFolder("broken", brokenDiscover());
    Path shippedFolder = writeRuleFolder("shipped", shipped());
    Path tightened = writeRuleFolder("tightened", tightenedTarget());
    try (TasklistBrowser browser = TasklistBrowser.start(port, "rules")) {
      WebDriver driver = browser.driver();
      driver.manage().window().setSize(new Dimension(1280, 800));
      browser.login("ops1");

      driver.get(url("/rules?" + window));
      String active = ops().get("/api/rules").json().path("active").asText();
      browser.waiting().until(d -> active.equals(d.findElement(By.id("active-summary")).getDomAttribute("data-version")));
      assertThat(driver.findElement(By.cssSelector("#active-version dd")).getText()).isEqualTo(active);
      assertThat(active).isEqualTo(ShippedRules.version());
      assertThat(driver.findElement(By.cssSelector("#versions-table tr[data-version='" + active + "'] .badge")).getText())
          .isEqualTo("active");
      assertThat(driver.findElement(By.id("candidate")).isDisplayed()).as("sales-ops may change rules").isTrue();
      assertThat(driver.findElement(By.id("w-from")).getDomProperty("value")).as("the window from the address").isEqualTo(today);

      readTheCompilersError(browser, broken);
      JsonNode preview = previewTheTightenedRules(browser, shippedFolder, tightened, window);
      drillToTheOpportunityThatWouldFail(browser, preview, passes);
      downloadsATableOfThePreviewAndOfTheHistory(browser, preview);
      assertThat(preview.path("examples").path("failedToPassed").findValuesAsText("opportunityCode")).doesNotContain(fails);
      scrollToThePreview(driver);
      keepScreenshot(driver, "pages-rules-en");

      cancelTheUploadAndActivateNothing(browser, preview);

      new Select(driver.findElement(By.id("language-switch"))).selectByValue("zh-CN");
      browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "关卡规则"));
      assertThat(driver.findElement(By.cssSelector("#impact-summary [data-figure='passedToFailed'] dt")).getText())
          .isEqualTo("通过 → 不通过");
      assertThat(driver.findElement(By.cssSelector("#versions-table tr[data-version='" + active + "'] .badge")).getText())
          .isEqualTo("生效中");
      assertSummaryShows(driver, preview.path("total"), Locale.SIMPLIFIED_CHINESE);
      assertThat(driver.findElement(By.cssSelector("#criterion-table tr[data-criterion='TARGET-02'] th")).getText())
          .contains(criterion(preview, "TARGET-02").path("message").path("zh").asText());
      scrollToThePreview(driver);
      keepScreenshot(driver, "pages-rules-zh");

      fitsATablet(driver);
    }
    assertThat(ops().get("/api/rules").json().path("active").asText()).as("nothing activated").isEqualTo(ShippedRules.version());
  }

  /**
   * Self-tests that fail are refused in both languages; the page lists each on its file and case in its own language
   * only, and in the other once the language is switched. Previewed only: nothing is stored or activated.
   */
  @Test
  void shouldShowEachFailingSelfTestOnItsCaseInThePagesLanguageOnly() throws Exception {
    Map<String, byte[]> files = badTargetCases();
    JsonNode refused = ops().postFiles("/api/rules/preview", "files", files).json();
    assertThat(refused.path("status").asInt()).as(refused.toString()).isEqualTo(422);
    Map<String, Message> said = new TreeMap<>();
    refused.path("errors").forEach(e -> said.put(e.path("case").asText(), Message.parse(e.path("message").asText())));
    assertThat(said).containsOnlyKeys("a target customer is wrongly expected to fail TARGET-01", "a misspelt fact");
    assertThat(said.get("a misspelt fact")).isEqualTo(new Message("'customer.industy' 不是商机的字段",
        "'customer.industy' is not a field of an opportunity"));
    assertThat(said.get("a target customer is wrongly expected to fail TARGET-01").en())
        .isEqualTo("expected failures [TARGET-01] but got [] (missing TARGET-01)");

    Path folder = writeRuleFolder("bad-cases", files);
    try (TasklistBrowser browser = TasklistBrowser.start(port, "rules-halves")) {
      WebDriver driver = browser.driver();
      driver.manage().window().setSize(new Dimension(1280, 800));
      browser.login("ops1");
      driver.get(url("/rules"));
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("candidate")));
      pickFolder(browser, folder);
      driver.findElement(By.id("preview")).click();
      browser.waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#rule-errors li[data-case]"), 2));
      assertThat(driver.findElement(By.id("errors-heading")).getText()).startsWith("Self-tests failed");
      said.forEach((name, message) -> assertThat(caseError(driver, name)).as(name).isEqualTo(message.en()).doesNotContainPattern("\\p{IsHan}"));
      ((JavascriptExecutor) driver).executeScript("document.getElementById('check').scrollIntoView({block: 'start'});");
      keepScreenshot(driver, "pages-rules-self-tests-en");

      new Select(driver.findElement(By.id("language-switch"))).selectByValue("zh-CN");
      browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "关卡规则"));
      said.forEach((name, message) -> assertThat(caseError(driver, name)).as(name).isEqualTo(message.zh()).doesNotContain(" / "));
      assertThat(caseError(driver, "a target customer is wrongly expected to fail TARGET-01"))
          .isEqualTo("预期阻断项 [TARGET-01]，实际为 []（缺少 TARGET-01）");
      ((JavascriptExecutor) driver).executeScript("document.getElementById('check').scrollIntoView({block: 'start'});");
      keepScreenshot(driver, "pages-rules-self-tests-zh");
    }
    assertThat(ops().get("/api/rules").json().path("active").asText()).as("nothing activated").isEqualTo(ShippedRules.version());
  }

  private static String caseError(WebDriver driver, String caseName) {
    return driver.findElement(By.cssSelector("#rule-errors li[data-case='" + caseName + "'] .what")).getText();
  }

  @Test
  void shouldShowAManagerTheHistoryReadOnly() throws Exception {
    JsonNode rules = ApiClient.as(port, "manager1").get("/api/rules").json();
    assertThat(rules.path("mayChange").asBoolean()).isFalse();
    try (TasklistBrowser browser = TasklistBrowser.start(port, "rules-manager")) {
      WebDriver driver = browser.driver();
      driver.manage().window().setSize(new Dimension(1280, 800));
      browser.login("manager1");
      driver.get(url("/rules"));
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("read-only")));
      assertThat(driver.findElement(By.id("read-only")).getText()).contains("only sales-ops and administrators");
      assertThat(driver.findElement(By.id("active-summary")).getDomAttribute("data-version")).isEqualTo(rules.path("active").asText());
      assertThat(driver.findElement(By.id("candidate")).isDisplayed()).isFalse();
      assertThat(driver.findElements(By.cssSelector("#versions-table tbody tr"))).hasSize(rules.path("versions").size());
      assertThat(driver.findElements(By.cssSelector("#versions-table button.activate"))).as("no activation for a manager").isEmpty();
      assertThat(driver.findElements(By.cssSelector("#events-table tbody tr[data-kind]"))).hasSize(rules.path("events").size());

      // the API decides: were a manager to send an activation anyway, the page says why it was refused
      ((JavascriptExecutor) driver).executeScript(
          "const b = document.createElement('button'); b.className = 'activate'; b.dataset.version = arguments[0];"
              + "b.id = 'forced'; document.querySelector('#versions-table tbody td:last-child').append(b);",
          rules.path("active").asText());
      driver.findElement(By.id("forced")).click();
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
      driver.findElement(By.id("confirm-ok")).click();
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("message")));
      assertThat(driver.findElement(By.id("message")).getText()).contains("Your role may not change rules");
      keepScreenshot(driver, "pages-rules-manager");
    }
  }

  /** A rule set whose DRL does not compile: the upload's refusal lists the error as file:line message. */
  private void readTheCompilersError(TasklistBrowser browser, Path folder) {
    WebDriver driver = browser.driver();
    pickFolder(browser, folder);
    assertThat(driver.findElement(By.id("rule-folder")).getDomAttribute("aria-describedby")).contains("rule-errors");
    driver.findElement(By.id("upload")).click();
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
    assertThat(driver.findElement(By.id("confirm-text")).getText()).contains("not been previewed");
    driver.findElement(By.id("confirm-ok")).click();
    WebElement error = browser.waiting().until(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#rule-errors li[data-file='" + DISCOVER + "']")));
    JsonNode expected = ops().postFiles("/api/rules/preview", "files", brokenDiscover()).json().path("errors").get(0);
    assertThat(expected.path("file").asText()).isEqualTo(DISCOVER);
    int line = expected.path("line").asInt();
    assertThat(line).isPositive();
    assertThat(error.getDomAttribute("data-line")).isEqualTo(Integer.toString(line));
    assertThat(error.findElement(By.cssSelector("code.where")).getText()).isEqualTo(DISCOVER + ":" + line);
    assertThat(error.getText()).contains(expected.path("message").asText());
    assertThat(driver.findElement(By.id("errors-heading")).getText()).startsWith("The rule set did not pass the check");
    JsonNode latest = ops().get("/api/rules").json().path("events").get(0);
    assertThat(latest.path("kind").asText()).as("the upload was refused on the record").isEqualTo("REFUSED");
    browser.waiting().until(d -> d.findElement(By.cssSelector("#events-table tbody tr")).getDomAttribute("data-kind").equals("REFUSED"));
    ((JavascriptExecutor) driver).executeScript("document.getElementById('candidate').scrollIntoView({block: 'start'});");
    keepScreenshotUnchecked(driver, "pages-rules-errors-en");
  }

  /** The preview of the tightened set shows the counts POST /api/rules/preview gives for the same files. */
  private JsonNode previewTheTightenedRules(TasklistBrowser browser, Path shippedFolder, Path tightened, String window) {
    WebDriver driver = browser.driver();
    pickFolder(browser, shippedFolder);
    browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("errors-heading")));
    replaceTheTwoChangedFiles(browser, tightened);
    driver.findElement(By.id("preview")).click();
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#impact-summary [data-figure='replayed']")));
    JsonNode preview = ops().postFiles("/api/rules/preview?" + window + "&examples=50", "files", tightenedTarget()).json();
    assertThat(preview.path("total").path("passedToFailed").asInt()).as("the pass without industry would fail").isPositive();
    assertThat(driver.findElement(By.id("impact-window")).getText()).contains(preview.path("candidateVersion").asText())
        .contains(ShippedRules.version()).contains("whole days, UTC");
    assertSummaryShows(driver, preview.path("total"), Locale.US);
    for (JsonNode stage : preview.path("stages")) {
      String row = "#stage-table tr[data-process='" + stage.path("process").asText() + "'][data-stage='" + stage.path("stage").asText() + "']";
      for (String kind : KINDS) {
        assertThat(driver.findElement(By.cssSelector(row + " td[data-figure='" + kind + "']")).getText())
            .as(stage.path("stage").asText() + " " + kind).isEqualTo(count(stage.path(kind).asLong(), Locale.US));
      }
    }
    assertThat(driver.findElements(By.cssSelector("#stage-table tbody tr[data-stage]"))).hasSize(preview.path("stages").size());
    // other tests' gate records on the shared database (other rule versions, gates without rules) can change too
    assertThat(preview.path("criteria").findValuesAsText("code")).contains("TARGET-02");
    for (JsonNode criterion : preview.path("criteria")) {
      String row = "#criterion-table tr[data-criterion='" + criterion.path("code").asText() + "']";
      assertThat(driver.findElement(By.cssSelector(row + " td[data-figure='newlyFailing']")).getText())
          .isEqualTo(count(criterion.path("newlyFailing").asLong(), Locale.US));
      assertThat(driver.findElement(By.cssSelector(row + " td[data-figure='noLongerFailing']")).getText())
          .isEqualTo(count(criterion.path("noLongerFailing").asLong(), Locale.US));
      assertThat(driver.findElement(By.cssSelector(row + " th")).getText()).contains(criterion.path("message").path("en").asText());
    }
    WebElement selfTests = driver.findElement(By.id("self-tests-summary"));
    assertThat(selfTests.getDomAttribute("data-cases")).isEqualTo(preview.path("selfTests").path("cases").asText());
    assertThat(selfTests.getText()).startsWith("All " + count(preview.path("selfTests").path("cases").asLong(), Locale.US)
        + " self-test cases passed");
    assertThat(driver.findElement(By.id("impact-chart")).getDomAttribute("aria-label")).contains("TARGET-02");
    return preview;
  }

  /**
   * The two changed files picked one by one: the cases file takes the path of the active version's one of that
   * name; the criteria table's name is in two folders, so the page asks for its path, which is typed in.
   */
  private static void replaceTheTwoChangedFiles(TasklistBrowser browser, Path tightened) {
    WebDriver driver = browser.driver();
    driver.findElement(By.id("rule-files")).sendKeys(tightened.resolve(TARGET_CASES).toAbsolutePath() + "\n"
        + tightened.resolve(CRITERIA).toAbsolutePath());
    WebElement ambiguous = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#candidate-table tr[data-path='criteria.drl.csv'] .ambiguous")));
    assertThat(ambiguous.getText()).contains("classic/criteria.drl.csv", CRITERIA);
    assertThat(driver.findElements(By.cssSelector("#candidate-table tbody tr[data-path]"))).as("18 kept, 1 replaced, 1 added").hasSize(20);
    WebElement path = driver.findElement(By.cssSelector("#candidate-table tr[data-path='criteria.drl.csv'] input.path"));
    path.sendKeys(Keys.chord(Keys.CONTROL, "a"), CRITERIA, Keys.TAB);
    browser.waiting().until(d -> d.findElements(By.cssSelector("#candidate-table tbody tr[data-path]")).size() == 19);
    assertThat(driver.findElement(By.cssSelector("#candidate-table tr[data-path='" + TARGET_CASES + "']")).getText())
        .contains("replaces the file of that path");
  }

  /** The passed → failed figure of the TARGET gate lists the opportunity whose pass the tightened rule would fail. */
  private void drillToTheOpportunityThatWouldFail(TasklistBrowser browser, JsonNode preview, String code) {
    WebDriver driver = browser.driver();
    WebElement figure = driver.findElement(By.cssSelector(
        "#stage-table tr[data-stage='TARGET'] button.figure[data-kind='passedToFailed']"));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", figure);
    figure.sendKeys(Keys.ENTER);
    browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("examples-heading"), "Passed → failed"));
    List<String> listed = driver.findElements(By.cssSelector("#examples-table tbody tr[data-code]")).stream()
        .map(r -> r.getDomAttribute("data-code")).toList();
    List<String> expected = preview.path("examples").path("passedToFailed").findParents("stage").stream()
        .filter(e -> e.path("stage").asText().equals("TARGET")).map(e -> e.path("opportunityCode").asText()).toList();
    assertThat(listed).isEqualTo(expected).contains(code);
    WebElement link = driver.findElement(By.cssSelector("#examples-table tr[data-code='" + code + "'] a.opportunity-link"));
    assertThat(link.getDomAttribute("href")).isEqualTo("/opportunity?code=" + code);
    assertThat(driver.findElement(By.cssSelector("#examples-table tr[data-code='" + code + "']")).getText()).contains("+TARGET-02");
  }

  /**
   * The preview's "Download CSV" of its examples posts the previewed files again with format=csv&table=examples and
   * gets the examples the preview listed; the history's Excel link answers an Excel file.
   */
  private void downloadsATableOfThePreviewAndOfTheHistory(TasklistBrowser browser, JsonNode preview) {
    WebDriver driver = browser.driver();
    JavascriptExecutor js = (JavascriptExecutor) driver;
    // the page's own fetch, watched: what the download asked and what it got
    js.executeScript("""
        window.downloads = [];
        const fetched = window.fetch;
        window.fetch = async (url, options) => {
          const answer = await fetched(url, options);
          if (String(url).includes('format=')) {
            const copy = answer.clone();
            window.downloads.push({url: String(url), status: answer.status, type: answer.headers.get('Content-Type'),
              disposition: answer.headers.get('Content-Disposition'), body: await copy.text()});
          }
          return answer;
        };""");
    WebElement button = driver.findElement(By.id("preview-examples-csv"));
    assertThat(button.getText()).isEqualTo("Download CSV");
    js.executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
    button.click();
    browser.waiting().until(d -> ((Number) js.executeScript("return window.downloads.length;")).intValue() > 0);
    Map<?, ?> download = (Map<?, ?>) js.executeScript("return window.downloads[0];");
    assertThat((String) download.get("url")).startsWith("/api/rules/preview?").contains("examples=50")
        .contains("table=examples").contains("format=csv");
    assertThat(download.get("status")).isEqualTo(200L);
    assertThat((String) download.get("type")).startsWith("text/csv");
    assertThat((String) download.get("disposition")).contains("rule-preview-examples.csv");
    for (String code : preview.path("examples").path("passedToFailed").findValuesAsText("opportunityCode")) {
      assertThat((String) download.get("body")).contains(code);
    }
    assertThat(driver.findElement(By.id("message")).isDisplayed()).isFalse();
    Map<?, ?> history = ComplianceAndOpportunityPageBrowserTests.fetchInTheBrowser(driver, "versions-xlsx");
    assertThat(history.get("status")).isEqualTo(200L);
    assertThat((String) history.get("type")).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  }

  /** The upload's confirmation repeats the preview's counts; cancelled, nothing is stored or activated. */
  private void cancelTheUploadAndActivateNothing(TasklistBrowser browser, JsonNode preview) {
    WebDriver driver = browser.driver();
    JsonNode before = ops().get("/api/rules").json();
    WebElement upload = driver.findElement(By.id("upload"));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", upload);
    upload.click();
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
    assertThat(driver.findElement(By.id("confirm-text")).getText())
        .contains(preview.path("candidateVersion").asText())
        .contains(count(preview.path("total").path("passedToFailed").asLong(), Locale.US) + " passes would fail");
    driver.findElement(By.id("confirm-cancel")).click();
    browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm")));
    assertThat(ops().get("/api/rules").json()).isEqualTo(before);
  }

  private static void assertSummaryShows(WebDriver driver, JsonNode total, Locale locale) {
    for (String kind : KINDS) {
      assertThat(driver.findElement(By.cssSelector("#impact-summary [data-figure='" + kind + "'] dd")).getText())
          .as("total " + kind).isEqualTo(count(total.path(kind).asLong(), locale));
    }
  }

  /** Picks a rule folder in the folder input, as a user choosing rules/ does, and waits for its files to be listed. */
  private static void pickFolder(TasklistBrowser browser, Path folder) {
    WebDriver driver = browser.driver();
    driver.findElement(By.id("rule-folder")).sendKeys(folder.toAbsolutePath().toString());
    long files;
    try (var walk = Files.walk(folder)) {
      files = walk.filter(Files::isRegularFile).count();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    browser.waiting().until(d -> d.findElements(By.cssSelector("#candidate-table tbody tr[data-path]")).size() == files);
    assertThat(driver.findElement(By.cssSelector("#candidate-table tr[data-path='" + DISCOVER + "'] input.path"))
        .getDomProperty("value")).isEqualTo(DISCOVER);
  }

  /** Opens an opportunity without an industry and passes its first gate (TARGET-02 only warns). */
  private String advanceWithoutIndustry() {
    String code = Opportunities.freshCode("RULESPAGE-P");
    ObjectNode body = Opportunities.qualified(code);
    ((ObjectNode) body.path("customer")).remove("industry");
    assertThat(ApiClient.as(port, "rep1").post("/api/opportunities", body.toString()).status()).isEqualTo(201);
    assertThat(advance(code)).isEqualTo("PASSED");
    return code;
  }

  /** Opens a minimal opportunity, which fails its first gate. */
  private String advanceMinimal() {
    String code = Opportunities.freshCode("RULESPAGE-F");
    assertThat(ApiClient.as(port, "rep1").post("/api/opportunities", Opportunities.minimal(code).toString()).status()).isEqualTo(201);
    assertThat(advance(code)).isEqualTo("FAILED");
    return code;
  }

  private String advance(String code) {
    return ApiClient.as(port, "rep1").post("/api/opportunities/" + code + "/advance", null).json().path("verdict").asText();
  }

  private static Map<String, byte[]> shipped() {
    return new TreeMap<>(RuleFiles.read(Path.of("rules")).all());
  }

  /** The shipped rules with a parenthesis too many in discover.drl's first condition. */
  private static Map<String, byte[]> brokenDiscover() {
    Map<String, byte[]> files = shipped();
    String drl = new String(files.get(DISCOVER), StandardCharsets.UTF_8);
    files.put(DISCOVER, drl.replaceFirst("\\bwhen\\b", "when (").getBytes(StandardCharsets.UTF_8));
    return files;
  }

  /** The shipped rules with TARGET-02 (industry not recorded) blocking instead of a warning, and its cases to match. */
  private static Map<String, byte[]> tightenedTarget() {
    Map<String, byte[]> files = shipped();
    String criteria = new String(files.get(CRITERIA), StandardCharsets.UTF_8);
    assertThat(criteria).contains(",warning,TARGET-02,");
    files.put(CRITERIA, criteria.replace(",warning,TARGET-02,", ",blocking,TARGET-02,").getBytes(StandardCharsets.UTF_8));
    files.put(TARGET_CASES, """
        process: project-sales-funnel
        stage: TARGET
        base:
          name: 华东制造集团 ERP 升级
          customer: { name: 华东制造集团, industry: manufacturing, inTargetSegment: true }
        cases:
          - name: a customer of a target segment with its industry passes
            expect: { failures: [] }
          - name: a customer outside every target segment fails TARGET-01
            set: { customer: { inTargetSegment: false } }
            expect: { failures: [TARGET-01] }
          - name: a customer without industry fails TARGET-02
            set: { customer: { industry: null } }
            expect: { failures: [TARGET-02] }
          - name: a bare opportunity fails both
            set: { customer: { industry: null, inTargetSegment: null } }
            expect: { failures: [TARGET-01, TARGET-02] }
        """.getBytes(StandardCharsets.UTF_8));
    return files;
  }

  /** The shipped rules with target.cases.yaml holding a wrong expectation and a misspelt fact. */
  private static Map<String, byte[]> badTargetCases() {
    Map<String, byte[]> files = shipped();
    files.put(TARGET_CASES, """
        process: project-sales-funnel
        stage: TARGET
        base:
          name: 华东制造集团 ERP 升级
          customer: { name: 华东制造集团, industry: manufacturing, inTargetSegment: true }
        cases:
          - name: a target customer is wrongly expected to fail TARGET-01
            expect: { failures: [TARGET-01] }
          - name: a misspelt fact
            set: { customer: { industy: retail } }
            expect: { failures: [] }
        """.getBytes(StandardCharsets.UTF_8));
    return files;
  }

  /** The files as a rules folder on disk, for the page's folder input. */
  private static Path writeRuleFolder(String name, Map<String, byte[]> files) throws IOException {
    Path folder = Path.of("target", "rules-page", name, "rules");
    if (Files.exists(folder)) {
      try (var walk = Files.walk(folder)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Path path = folder.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.write(path, file.getValue());
    }
    return folder;
  }

  private static String count(long n, Locale locale) {
    return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale)).format(n);
  }

  private static void scrollToThePreview(WebDriver driver) {
    ((JavascriptExecutor) driver).executeScript(
        "document.getElementById('impact').scrollIntoView({block: 'start'}); window.scrollBy(0, -8);");
  }

  /** At a tablet's width (800 px) nothing but a table scrolls sideways and the chart goes above the tables. */
  private static void fitsATablet(WebDriver driver) throws Exception {
    driver.manage().window().setSize(new Dimension(800, 1100));
    Object overflow = ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertThat(((Number) overflow).intValue()).as("the page scrolls sideways").isLessThanOrEqualTo(0);
    WebElement chart = driver.findElement(By.id("impact-chart"));
    WebElement table = driver.findElement(By.id("stage-table"));
    assertThat(chart.getRect().getY() + chart.getRect().getHeight()).as("chart above the tables").isLessThanOrEqualTo(table.getRect().getY());
    scrollToThePreview(driver);
    keepScreenshot(driver, "pages-rules-tablet");
    driver.manage().window().setSize(new Dimension(1280, 800));
  }

  private static void keepScreenshotUnchecked(WebDriver driver, String name) {
    try {
      keepScreenshot(driver, name);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void keepScreenshot(WebDriver driver, String name) throws Exception {
    Path file = Path.of("target", name + ".png");
    Files.createDirectories(file.getParent());
    Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
  }

  private static JsonNode criterion(JsonNode preview, String code) {
    for (JsonNode criterion : preview.path("criteria")) {
      if (criterion.path("code").asText().equals(code)) {
        return criterion;
      }
    }
    throw new AssertionError("The preview changes no verdict of " + code);
  }
}

package io.oppflow.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;
import io.oppflow.support.Opportunities;
import io.oppflow.tasklist.TasklistBrowser;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The process heatmap and the warnings page in a real Chromium, as manager1: the deployed diagram with each stage's
 * figures of GET /api/funnel and its heat, the table beside it, a stage's open opportunities; the warnings of
 * GET /api/warnings with their opportunity and Tasklist task, counted and filtered by kind; both languages.
 */
@H2ServiceTest
class HeatmapAndWarningsPageBrowserTests {

  private static final String PROCESS = "project-sales-funnel";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private ApiClient manager() {
    return ApiClient.as(port, "manager1");
  }

  @Test
  void shouldDrawTheHeatOfEachStageOnTheDeployedDiagramAndListTheWarningsWithTheirTasks() throws Exception {
    String stalled = open(Opportunities.minimal(Opportunities.freshCode("HEATSTALL")).toString());
    management.executeJob(management.createJobQuery().processInstanceId(instanceOf(stalled)).activityId("Timer_TARGET_Stalled")
        .singleResult().getId());
    String reopened = open(Opportunities.qualified(Opportunities.freshCode("HEATREOPEN")).toString());
    assertThat(ApiClient.as(port, "rep1").post("/api/opportunities/" + reopened + "/advance", null).status()).isEqualTo(200);
    runtime.createProcessInstanceModification(instanceOf(reopened)).cancelAllForActivity("Stage_DISCOVER")
        .startBeforeActivity("Stage_TARGET").execute(true, true);

    try (TasklistBrowser browser = TasklistBrowser.start(port, "heatmap")) {
      WebDriver driver = browser.driver();
      driver.manage().window().setSize(new Dimension(1280, 800));
      browser.login("manager1");

      driver.get(url("/heatmap?process=" + PROCESS));
      JsonNode stages = stagesOf(manager().get("/api/processes").json(), PROCESS);
      JsonNode funnel = manager().get("/api/funnel?process=" + PROCESS).json().path("groups").path(0);
      assertDiagramShows(browser, stages, funnel, Locale.US);
      keepScreenshot(driver, "pages-heatmap-en");
      drillIntoTheEntriesOf(browser, "TARGET", List.of(stalled));

      driver.get(url("/warnings"));
      assertWarningsShow(browser, manager().get("/api/warnings").json().path("warnings"), stalled, reopened);
      keepScreenshot(driver, "pages-warnings-en");
      filterByKind(browser, "REOPENED", reopened);

      new Select(driver.findElement(By.id("language-switch"))).selectByValue("zh-CN");
      browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "预警"));
      assertThat(driver.findElement(By.cssSelector("#warnings-table tbody tr[data-code='" + reopened + "'] .kind")).getText())
          .isEqualTo("重新打开");
      driver.get(url("/warnings"));
      browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "预警"));
      assertWarningsShow(browser, manager().get("/api/warnings").json().path("warnings"), stalled, reopened);
      keepScreenshot(driver, "pages-warnings-zh");

      driver.get(url("/heatmap?process=" + PROCESS));
      browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "流程热力图"));
      assertDiagramShows(browser, stages, manager().get("/api/funnel?process=" + PROCESS).json().path("groups").path(0),
          Locale.SIMPLIFIED_CHINESE);
      keepScreenshot(driver, "pages-heatmap-zh");
      fitsATablet(driver);
      switchesProcessInTheAddress(browser);
    }
  }

  private String open(String body) {
    ApiClient.Response created = ApiClient.as(port, "rep1").post("/api/opportunities", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("code").asText();
  }

  private String instanceOf(String code) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult().getId();
  }

  private static JsonNode stagesOf(JsonNode processes, String key) {
    for (JsonNode p : processes.path("processes")) {
      if (p.path("key").asText().equals(key)) {
        return p.path("stages");
      }
    }
    throw new AssertionError("no process " + key);
  }

  private static JsonNode figuresOf(JsonNode group, String stage) {
    for (JsonNode s : group.path("stages")) {
      if (s.path("stage").asText().equals(stage)) {
        return s;
      }
    }
    throw new AssertionError("No stage " + stage);
  }

  /** green below half the dwell limit, amber to the limit, red above; grey without a finished stay. */
  private static String heatOf(JsonNode figures, String dwellLimit) {
    if (!figures.hasNonNull("medianDwellDays")) {
      return "empty";
    }
    double ratio = figures.path("medianDwellDays").asDouble() / Period.parse(dwellLimit).getDays();
    return ratio < 0.5 ? "low" : ratio <= 1 ? "mid" : "high";
  }

  /** Every stage element is drawn; its badge and its table row show the API's figures and its heat. */
  private void assertDiagramShows(TasklistBrowser browser, JsonNode stages, JsonNode group, Locale locale) {
    WebDriver driver = browser.driver();
    browser.waiting().until(d -> d.findElements(By.cssSelector("#diagram .heat-badge")).size() == stages.size());
    DecimalFormat counts = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale));
    DecimalFormat percent = new DecimalFormat("#,##0.#%", DecimalFormatSymbols.getInstance(locale));
    DecimalFormat days = new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(locale));
    // as Intl.NumberFormat rounds (half away from zero): 0.4545 is 45.5 %
    percent.setRoundingMode(java.math.RoundingMode.HALF_UP);
    days.setRoundingMode(java.math.RoundingMode.HALF_UP);
    boolean en = locale == Locale.US;
    for (JsonNode stage : stages) {
      String code = stage.path("code").asText();
      assertThat(driver.findElements(By.cssSelector("#diagram svg g.djs-element[data-element-id='Stage_" + code + "']")))
          .as("the stage element of " + code + " is drawn").hasSize(1);
      JsonNode f = figuresOf(group, code);
      String entered = counts.format(f.path("entered").asLong());
      String conversion = f.hasNonNull("conversionRate") ? percent.format(new BigDecimal(f.path("conversionRate").asText())) : "–";
      String median = f.hasNonNull("medianDwellDays") ? days.format(new BigDecimal(f.path("medianDwellDays").asText())) : "–";
      String limit = days.format(Period.parse(stage.path("dwellLimit").asText()).getDays());
      String heat = heatOf(f, stage.path("dwellLimit").asText());

      WebElement badge = driver.findElement(By.cssSelector("#diagram .heat-badge[data-stage='" + code + "']"));
      assertThat(badge.getDomAttribute("data-heat")).as(code + " heat").isEqualTo(heat);
      assertThat(badge.findElement(By.cssSelector("[data-figure='entered']")).getText())
          .isEqualTo(en ? entered + " entered" : "进入 " + entered);
      assertThat(badge.findElement(By.cssSelector("[data-figure='conversionRate']")).getText())
          .isEqualTo(en ? conversion + " advanced" : "升迁 " + conversion);
      assertThat(badge.findElement(By.cssSelector("[data-figure='medianDwellDays']")).getText())
          .isEqualTo(en ? "median " + median + " / " + limit + " d" : "中位 " + median + " / " + limit + " 天");
      assertThat(driver.findElements(By.cssSelector("#diagram g.djs-element.heat-" + heat + "[data-element-id='Stage_" + code + "']")))
          .as(code + " coloured").hasSize(1);

      String row = "#heatmap-table tr[data-stage='" + code + "'] ";
      assertThat(driver.findElement(By.cssSelector(row + "td[data-figure='entered']")).getText()).isEqualTo(entered);
      assertThat(driver.findElement(By.cssSelector(row + "td[data-figure='conversionRate']")).getText()).isEqualTo(conversion);
      assertThat(driver.findElement(By.cssSelector(row + "td[data-figure='medianDwellDays']")).getText()).isEqualTo(median);
      assertThat(driver.findElement(By.cssSelector(row + "td[data-figure='limit']")).getText()).isEqualTo(limit);
      assertThat(driver.findElement(By.cssSelector(row + "td[data-figure='open']")).getText())
          .isEqualTo(counts.format(f.path("open").asLong()));
      assertThat(driver.findElement(By.cssSelector(row + "th")).getText()).isEqualTo(stage.path("name").path(en ? "en" : "zh").asText());
    }
  }

  /**
   * The stage's badge, a button, lists the stage's entries in the page's scope (by keyboard), as many as its entered
   * figure and GET /api/funnel/entries; its row's open figure lists those still in it; each linked to its page.
   */
  private void drillIntoTheEntriesOf(TasklistBrowser browser, String stage, List<String> codes) {
    WebDriver driver = browser.driver();
    WebElement badge = driver.findElement(By.cssSelector("#diagram .heat-badge[data-stage='" + stage + "']"));
    badge.sendKeys(Keys.ENTER);
    browser.waiting().until(d -> "entered".equals(d.findElement(By.id("drill")).getDomAttribute("data-figure"))
        && d.findElement(By.id("drill-heading")).isDisplayed());
    assertListHolds(browser, stage, "entered", codes);
    assertThat(driver.findElement(By.id("drill-funnel")).getDomAttribute("href")).isEqualTo("/funnel?process=" + PROCESS);
    assertThat(driver.findElement(By.id("drill-csv")).getDomAttribute("href")).startsWith("/api/funnel/entries?")
        .contains("stage=" + stage).contains("figure=entered").contains("process=" + PROCESS).contains("format=csv");

    WebElement open = driver.findElement(By.cssSelector("#heatmap-table tr[data-stage='" + stage + "'] button.figure[data-figure='open']"));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", open);
    String shown = open.getText();
    open.sendKeys(Keys.ENTER);
    browser.waiting().until(d -> "open".equals(d.findElement(By.id("drill")).getDomAttribute("data-figure")));
    assertThat(assertListHolds(browser, stage, "open", codes)).isEqualTo(shown.replaceAll("[^0-9]", ""));
  }

  private String assertListHolds(TasklistBrowser browser, String stage, String figure, List<String> codes) {
    WebDriver driver = browser.driver();
    long listedByApi = manager().get("/api/funnel/entries?process=" + PROCESS + "&stage=" + stage + "&figure=" + figure + "&size=1")
        .json().path("total").asLong();
    long counted = figuresOf(manager().get("/api/funnel?process=" + PROCESS).json().path("groups").path(0), stage).path(figure).asLong();
    String total = driver.findElement(By.id("drill-heading")).getDomAttribute("data-total");
    assertThat(total).as(stage + " " + figure).isEqualTo(Long.toString(listedByApi)).isEqualTo(Long.toString(counted));
    List<String> listed = driver.findElements(By.cssSelector("#drill-table tbody tr[data-code]")).stream()
        .map(r -> r.getDomAttribute("data-code")).toList();
    // the list's first page is the API's (on the shared database other tests' entries may come before this one's)
    List<String> firstPage = new ArrayList<>();
    manager().get("/api/funnel/entries?process=" + PROCESS + "&stage=" + stage + "&figure=" + figure + "&size=100")
        .json().path("content").forEach(e -> firstPage.add(e.path("code").asText()));
    assertThat(listed).as(stage + " " + figure).isEqualTo(firstPage);
    if (listedByApi <= 100) {
      assertThat(listed).containsAll(codes);
    }
    assertThat(driver.findElement(By.cssSelector("#drill-table tr[data-code='" + listed.get(0) + "'] a.opportunity-link"))
        .getDomAttribute("href")).isEqualTo("/opportunity?code=" + listed.get(0));
    return total;
  }

  /** The table holds the API's warnings in its order; each leads to its opportunity and to its task in Tasklist. */
  private void assertWarningsShow(TasklistBrowser browser, JsonNode warnings, String stalled, String reopened) {
    WebDriver driver = browser.driver();
    browser.waiting().until(d -> d.findElements(By.cssSelector("#warnings-table tbody tr[data-code]")).size() == warnings.size());
    List<String> expected = new ArrayList<>();
    warnings.forEach(w -> expected.add(w.path("kind").asText() + " " + w.path("opportunity").asText() + " " + w.path("stage").asText()));
    List<String> shown = driver.findElements(By.cssSelector("#warnings-table tbody tr[data-code]")).stream()
        .map(r -> r.getDomAttribute("data-kind") + " " + r.getDomAttribute("data-code") + " " + r.getDomAttribute("data-stage")).toList();
    assertThat(shown).containsExactlyElementsOf(expected);
    for (String kind : List.of("STALLED", "SKIPPED_STAGE", "REOPENED")) {
      long count = expected.stream().filter(e -> e.startsWith(kind + " ")).count();
      assertThat(driver.findElement(By.cssSelector("#counts button[data-kind='" + kind + "'] .count")).getDomAttribute("data-count"))
          .isEqualTo(Long.toString(count));
    }

    String review = tasks.createTaskQuery().processInstanceBusinessKey(stalled).taskDefinitionKey("Task_TARGET_ReviewStalled")
        .singleResult().getId();
    String stageTask = tasks.createTaskQuery().processInstanceBusinessKey(reopened).taskDefinitionKey("Task_TARGET")
        .singleResult().getId();
    assertThat(taskLink(driver, stalled, "STALLED")).isEqualTo("/camunda/app/tasklist/default/#/?task=" + review);
    assertThat(taskLink(driver, reopened, "REOPENED")).isEqualTo("/camunda/app/tasklist/default/#/?task=" + stageTask);
    assertThat(driver.findElement(By.cssSelector("#warnings-table tr[data-code='" + reopened + "'] a.opportunity-link"))
        .getDomAttribute("href")).isEqualTo("/opportunity?code=" + reopened);
  }

  private static String taskLink(WebDriver driver, String code, String kind) {
    return driver.findElement(By.cssSelector("#warnings-table tr[data-code='" + code + "'][data-kind='" + kind + "'] a.task-link"))
        .getDomAttribute("href");
  }

  /** A kind's count shows only that kind, as GET /api/warnings?kind= does; the filter is in the address and the export. */
  private void filterByKind(TasklistBrowser browser, String kind, String code) {
    WebDriver driver = browser.driver();
    driver.findElement(By.cssSelector("#counts button[data-kind='" + kind + "']")).click();
    browser.waiting().until(ExpectedConditions.urlContains("kind=" + kind));
    List<String> expected = new ArrayList<>();
    manager().get("/api/warnings?kind=" + kind).json().path("warnings").forEach(w -> expected.add(w.path("opportunity").asText()));
    browser.waiting().until(d -> d.findElements(By.cssSelector("#warnings-table tbody tr[data-code]")).size() == expected.size());
    assertThat(driver.findElements(By.cssSelector("#warnings-table tbody tr[data-code]")).stream()
        .map(r -> r.getDomAttribute("data-code")).toList()).containsExactlyElementsOf(expected).contains(code);
    assertThat(driver.findElement(By.cssSelector("#counts button[data-kind='" + kind + "'] .count")).getDomAttribute("data-count"))
        .as("the count lists as many as it counts").isEqualTo(Integer.toString(expected.size()));
    assertThat(driver.findElement(By.id("export-csv")).getDomAttribute("href")).isEqualTo("/api/warnings?kind=" + kind + "&format=csv");
    Object answer = ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(arguments[0]).then(r => r.text().then(t => done(r.status + ' ' + r.headers.get('content-type') + ' ' + t)))"
            + ".catch(e => done(String(e)));", driver.findElement(By.id("export-csv")).getDomAttribute("href"));
    assertThat(String.valueOf(answer)).startsWith("200 text/csv").contains(kind + "," + code);
    driver.navigate().refresh();
    browser.waiting().until(d -> kind.equals(d.findElement(By.id("f-kind")).getDomProperty("value")));
  }

  /** At a tablet's width the page does not scroll sideways. */
  private static void fitsATablet(WebDriver driver) throws Exception {
    driver.manage().window().setSize(new Dimension(820, 1180));
    Thread.sleep(300);
    Object overflow = ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertThat(((Number) overflow).intValue()).as("the page scrolls sideways").isLessThanOrEqualTo(0);
    keepScreenshot(driver, "pages-heatmap-tablet");
    driver.manage().window().setSize(new Dimension(1280, 800));
  }

  /** Another process from the picker: its own diagram and stages, and the address says which. */
  private void switchesProcessInTheAddress(TasklistBrowser browser) {
    WebDriver driver = browser.driver();
    new Select(driver.findElement(By.id("f-process"))).selectByValue("classic-funnel");
    driver.findElement(By.id("apply")).click();
    browser.waiting().until(ExpectedConditions.urlContains("process=classic-funnel"));
    browser.waiting().until(d -> "classic-funnel".equals(d.findElement(By.id("diagram")).getDomAttribute("data-process"))
        && d.findElements(By.cssSelector("#diagram .heat-badge")).size() == 4);
    assertThat(driver.findElements(By.cssSelector("#diagram g.djs-element[data-element-id='Stage_IDENTIFIED']"))).hasSize(1);
  }

  private static void keepScreenshot(WebDriver driver, String name) throws Exception {
    Path file = Path.of("target", name + ".png");
    Files.createDirectories(file.getParent());
    Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
  }
}

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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The funnel page in a real Chromium: signed in by Tasklist's login, showing the figures of GET /api/funnel,
 * listing the opportunities behind a figure, in both languages, and logged out together with Tasklist.
 */
@H2ServiceTest
class FunnelPageBrowserTests {

  private static final String PROCESS = "project-sales-funnel";

  @LocalServerPort int port;
  @Autowired IdentityService identity;

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  @Test
  void shouldShowTheApisFunnelWithTasklistsLoginDrillToItsOpportunitiesAndLogOutOfBoth() throws Exception {
    List<String> codes = openOpportunities(3);
    String lost = openOpportunities(1).get(0);
    assertThat(ApiClient.as(port, "rep1").post("/api/opportunities/" + lost + "/lose",
        "{\"reason\": \"COMPETITOR\", \"competitor\": \"Kingdee\"}").status()).isLessThan(300);
    try (TasklistBrowser browser = TasklistBrowser.start(port, "pages")) {
      WebDriver driver = browser.driver();
      driver.manage().window().setSize(new Dimension(1280, 800));
      browser.login("manager1");

      prefersChineseUntilChosen(browser);

      driver.get(url("/"));
      browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("welcome"), "Hello"));
      assertThat(driver.getCurrentUrl()).as("no second login").isEqualTo(url("/"));
      assertThat(driver.findElement(By.id("link-funnel")).getText()).isEqualTo("Sales funnel");
      assertThat(driver.findElement(By.id("link-tasklist")).getAttribute("href")).endsWith("/camunda/app/tasklist/default/");
      homeHasACardPerPageInBothLanguages(browser);

      driver.get(url("/funnel?process=" + PROCESS));
      JsonNode funnel = ApiClient.as(port, "manager1").get("/api/funnel?process=" + PROCESS).json().path("groups").path(0);
      assertTableShows(browser, funnel, Locale.US);
      keepScreenshot(driver, "pages-funnel-en");

      drillIntoTheFiguresOf(browser, "TARGET", funnel, codes);
      drillIntoTheTotals(browser, codes, lost);
      driver.get(url("/funnel?process=" + PROCESS));
      openFigure(browser, "TARGET", "open");

      new Select(driver.findElement(By.id("language-switch"))).selectByValue("zh-CN");
      browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "销售漏斗"));
      assertThat(driver.findElement(By.cssSelector("#funnel-table thead th:nth-child(2)")).getText()).isEqualTo("进入");
      assertThat(driver.findElement(By.id("drill-heading")).getText()).contains("未结");
      driver.navigate().refresh();
      browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "销售漏斗"));
      assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).as("the language is remembered").isEqualTo("zh-CN");
      assertTableShows(browser, funnel, Locale.SIMPLIFIED_CHINESE);
      keepScreenshot(driver, "pages-funnel-zh");

      fitsATablet(driver);
      filterByOwnerAndShareTheLink(browser);
      exportsTheTable(browser);

      driver.findElement(By.id("logout")).click();
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
      driver.get(browser.tasklistUrl());
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
      assertThat(driver.findElements(By.cssSelector(".task-filter"))).as("Tasklist is logged out too").isEmpty();

      driver.get(url("/funnel?process=classic-funnel"));
      TasklistBrowser.signIn(driver, browser.waiting(), "manager1", "demo");
      browser.waiting().until(ExpectedConditions.urlToBe(url("/funnel?process=classic-funnel")));
      browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#funnel-table tbody tr[data-stage='IDENTIFIED']")));
    }
  }

  /**
   * An address without a process shows the one GET /api/processes suggests, as the other pages do: for a rep whose
   * opportunities all run in the classic funnel that is the classic funnel, not the project sales funnel.
   */
  @Test
  void shouldShowTheSuggestedProcessWhenTheAddressNamesNone() throws Exception {
    String rep = "fp-" + UUID.randomUUID().toString().substring(0, 8);
    User user = identity.newUser(rep);
    user.setFirstName("Classic");
    user.setLastName("Rep");
    user.setPassword("demo");
    identity.saveUser(user);
    identity.createMembership(rep, "sales-rep");
    for (int i = 0; i < 2; i++) {
      String body = Opportunities.minimal(Opportunities.freshCode("PAGES")).put("owner", rep).put("orgUnit", unit)
          .put("process", "classic-funnel").toString();
      assertThat(ApiClient.as(port, "ops1").post("/api/opportunities", body).status()).isEqualTo(201);
    }
    assertThat(ApiClient.as(port, rep).get("/api/processes").json().path("suggestedProcess").asText()).isEqualTo("classic-funnel");
    try (TasklistBrowser browser = TasklistBrowser.start(port, "pages-suggested")) {
      WebDriver driver = browser.driver();
      driver.manage().window().setSize(new Dimension(1280, 800));
      browser.login(rep);
      driver.get(url("/funnel"));

      JsonNode funnel = ApiClient.as(port, rep).get("/api/funnel?process=classic-funnel").json().path("groups").path(0);
      browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#funnel-table tbody tr[data-stage='IDENTIFIED']")));
      assertTableShows(browser, funnel, Locale.US);
      assertThat(cell(browser, "IDENTIFIED", "entered")).isEqualTo("2");
      browser.waiting().until(d -> d.findElements(By.cssSelector("#f-process option")).size() >= 2);
      Select process = new Select(driver.findElement(By.id("f-process")));
      assertThat(process.getFirstSelectedOption().getDomAttribute("value")).isEqualTo("classic-funnel");
      String name = "";
      for (JsonNode p : ApiClient.as(port, rep).get("/api/processes").json().path("processes")) {
        name = p.path("key").asText().equals("classic-funnel") ? p.path("name").path("en").asText() : name;
      }
      assertThat(process.getFirstSelectedOption().getText()).as("named as GET /api/processes names it").isEqualTo(name)
          .isNotBlank();
      assertThat(driver.findElement(By.id("export-csv")).getDomAttribute("href")).contains("process=classic-funnel");
      keepScreenshot(driver, "pages-funnel-suggested-en");
    }
  }

  @Test
  void shouldKeepAnOrgUnitNamedWithSpacesAndPunctuationUnchangedInTheFilterItsLinkAndExport() throws Exception {
    String team = unit + "/O'Brien & Co. East";
    String namesake = team + " Coast"; // not below the team: a namesake, never in its funnel
    for (String orgUnit : List.of(team, team, namesake)) {
      String body = Opportunities.minimal(Opportunities.freshCode("PAGES")).put("orgUnit", orgUnit).toString();
      assertThat(ApiClient.as(port, "ops1").post("/api/opportunities", body).status()).isEqualTo(201);
    }
    try (TasklistBrowser browser = TasklistBrowser.start(port, "pages")) {
      WebDriver driver = browser.driver();
      browser.login("manager1");
      driver.get(url("/funnel?process=" + PROCESS));
      browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#funnel-table tbody tr[data-stage='TARGET']")));

      WebElement field = driver.findElement(By.id("f-orgUnit"));
      field.clear();
      field.sendKeys(team);
      new Select(driver.findElement(By.id("f-groupBy"))).selectByValue("orgUnit");
      driver.findElement(By.id("apply")).click();
      browser.waiting().until(ExpectedConditions.urlContains("groupBy=orgUnit"));
      String shared = driver.getCurrentUrl();
      driver.get(shared);

      browser.waiting().until(d -> team.equals(d.findElement(By.id("f-orgUnit")).getDomProperty("value")));
      browser.waiting().until(d -> "2".equals(cell(browser, "TARGET", "entered")));
      String csv = driver.findElement(By.id("export-csv")).getDomAttribute("href");
      Object answer = ((JavascriptExecutor) driver).executeAsyncScript(
          "const done = arguments[arguments.length - 1];"
              + "fetch(arguments[0]).then(r => r.text().then(t => done(r.status + '\\n' + t.replace('\\uFEFF', ''))))"
              + ".catch(e => done(String(e)));", csv);
      List<String> lines = String.valueOf(answer).lines().toList();
      assertThat(lines.get(0)).isEqualTo("200");
      assertThat(lines.stream().skip(2).map(l -> l.split(",", -1)[0]).distinct()).as(csv).containsExactly(team);
    }
  }

  /** The pages a card on the home page opens, with their English and Chinese names. */
  static final Map<String, List<String>> HOME_CARDS = homeCards();

  private static Map<String, List<String>> homeCards() {
    Map<String, List<String>> cards = new LinkedHashMap<>();
    cards.put("/funnel", List.of("Sales funnel", "销售漏斗"));
    cards.put("/compare", List.of("Compare and targets", "对比与目标"));
    cards.put("/forecast", List.of("Forecast", "预测"));
    cards.put("/heatmap", List.of("Process heatmap", "流程热力图"));
    cards.put("/warnings", List.of("Warnings", "预警"));
    cards.put("/compliance", List.of("Compliance", "合规审计"));
    cards.put("/opportunity", List.of("Opportunity", "商机"));
    cards.put("/rules", List.of("Rules", "规则"));
    cards.put("/camunda/app/tasklist/default/", List.of("Tasklist", "Tasklist"));
    return cards;
  }

  /** The cards' links in the home page's order: [path, shown name]. */
  static List<List<String>> homeCardsShown(WebDriver driver) {
    return driver.findElements(By.cssSelector("#cards .card h2 a")).stream()
        .map(a -> List.of(a.getDomAttribute("href"), a.getText())).toList();
  }

  /** The home page: a card per page with its description, switched to Chinese with the header's switch and back. */
  private void homeHasACardPerPageInBothLanguages(TasklistBrowser browser) throws Exception {
    WebDriver driver = browser.driver();
    assertThat(homeCardsShown(driver)).containsExactlyElementsOf(
        HOME_CARDS.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue().get(0))).toList());
    assertThat(driver.findElements(By.cssSelector("#cards .card p"))).hasSize(HOME_CARDS.size())
        .allSatisfy(p -> assertThat(p.getText()).isNotBlank().doesNotContain("home."));
    keepScreenshot(driver, "pages-home-en");

    new Select(driver.findElement(By.id("language-switch"))).selectByValue("zh-CN");
    browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("welcome"), "您好"));
    assertThat(homeCardsShown(driver)).containsExactlyElementsOf(
        HOME_CARDS.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue().get(1))).toList());
    assertThat(driver.getTitle()).isEqualTo("首页 · oppflow");
    keepScreenshot(driver, "pages-home-zh");

    new Select(driver.findElement(By.id("language-switch"))).selectByValue("en");
    browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("welcome"), "Hello"));
  }

  /** A browser whose first language is Chinese gets zh-CN before the user chooses; this browser's is English. */
  private void prefersChineseUntilChosen(TasklistBrowser browser) {
    ChromeDriver chrome = (ChromeDriver) browser.driver();
    Map<String, Object> added = chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
        "Object.defineProperty(navigator, 'languages', {get: () => ['zh-CN', 'en-US']});"
            + "Object.defineProperty(navigator, 'language', {get: () => 'zh-CN'});"));
    chrome.get(url("/"));
    browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("welcome"), "您好"));
    assertThat(chrome.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
    assertThat(chrome.findElement(By.id("link-funnel")).getText()).isEqualTo("销售漏斗");
    chrome.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", added.get("identifier")));
  }

  /** The test's own opportunities, in an org unit of their own under manager1's, so a list filtered by it holds only them. */
  private final String unit = "HQ/East/" + Opportunities.freshCode("Pages");

  private List<String> openOpportunities(int count) {
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String code = Opportunities.freshCode("PAGES");
      String body = Opportunities.minimal(code).put("orgUnit", unit).toString();
      assertThat(ApiClient.as(port, "ops1").post("/api/opportunities", body).status()).isEqualTo(201);
      codes.add(code);
    }
    return codes;
  }

  /** Each stage's row shows the API's counts, conversion and dwell, formatted for the language. */
  private void assertTableShows(TasklistBrowser browser, JsonNode group, Locale locale) {
    browser.waiting().until(d -> d.findElements(By.cssSelector("#funnel-table tbody tr")).size() == group.path("stages").size());
    DecimalFormat counts = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale));
    DecimalFormat percent = new DecimalFormat("#,##0.#%", DecimalFormatSymbols.getInstance(locale));
    DecimalFormat days = new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(locale));
    // as Intl.NumberFormat rounds (half away from zero): 0.4545 is 45.5 %
    percent.setRoundingMode(java.math.RoundingMode.HALF_UP);
    days.setRoundingMode(java.math.RoundingMode.HALF_UP);
    for (JsonNode stage : group.path("stages")) {
      String code = stage.path("stage").asText();
      for (String figure : List.of("entered", "advanced", "lost", "open")) {
        assertThat(cell(browser, code, figure)).as(code + " " + figure).isEqualTo(counts.format(stage.path(figure).asLong()));
      }
      assertThat(cell(browser, code, "conversionRate")).as(code + " conversion")
          .isEqualTo(stage.hasNonNull("conversionRate") ? percent.format(new BigDecimal(stage.path("conversionRate").asText())) : "–");
      for (String figure : List.of("medianDwellDays", "p90DwellDays")) {
        assertThat(cell(browser, code, figure)).as(code + " " + figure)
            .isEqualTo(stage.hasNonNull(figure) ? days.format(new BigDecimal(stage.path(figure).asText())) : "–");
      }
      String name = stage.path("name").path(locale == Locale.US ? "en" : "zh").asText();
      assertThat(browser.driver().findElement(By.cssSelector("#funnel-table tr[data-stage='" + code + "'] th")).getText()).isEqualTo(name);
    }
  }

  private String cell(TasklistBrowser browser, String stage, String figure) {
    return browser.driver().findElement(By.cssSelector("#funnel-table tr[data-stage='" + stage + "'] td[data-figure='" + figure + "']"))
        .getText().trim();
  }

  /**
   * A stage's figure lists as many stage entries as it counts: in the test's own org unit exactly its opportunities,
   * each linked to its page; on the whole funnel as many as the figure shows.
   */
  private void drillIntoTheFiguresOf(TasklistBrowser browser, String stage, JsonNode group, List<String> codes) {
    browser.driver().get(url("/funnel?process=" + PROCESS + "&orgUnit=" + unit));
    openFigure(browser, stage, "open");
    List<String> listed = browser.driver().findElements(By.cssSelector("#drill-table tbody tr[data-code]")).stream()
        .map(r -> r.getDomAttribute("data-code")).toList();
    assertThat(listed).containsExactlyInAnyOrderElementsOf(codes);
    assertThat(browser.driver().findElement(By.cssSelector("#drill-table tbody tr[data-code='" + codes.get(0) + "'] a"))
        .getDomAttribute("href")).isEqualTo("/opportunity?code=" + codes.get(0));

    browser.driver().get(url("/funnel?process=" + PROCESS));
    for (String figure : List.of("entered", "open")) {
      String shown = openFigure(browser, stage, figure);
      long listedByApi = ApiClient.as(port, "manager1")
          .get("/api/funnel/entries?process=" + PROCESS + "&stage=" + stage + "&figure=" + figure + "&size=1")
          .json().path("total").asLong();
      assertThat(browser.driver().findElement(By.id("drill-heading")).getDomAttribute("data-total"))
          .as(figure + ": the list holds as many as the figure")
          .isEqualTo(Long.toString(stageOf(group, stage).path(figure).asLong()))
          .isEqualTo(Long.toString(listedByApi))
          .isEqualTo(shown.replaceAll("[^0-9]", ""));
    }
  }

  /**
   * The won / lost / open totals of a period, an org unit and one slice (groupBy=owner, rep1) list the opportunities
   * GET /api/funnel/outcomes lists, as many as the total: in the test's own unit exactly its open and lost ones.
   */
  private void drillIntoTheTotals(TasklistBrowser browser, List<String> open, String lost) throws Exception {
    LocalDate first = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
    String filters = "process=" + PROCESS + "&from=" + first + "&to=" + first.plusMonths(1) + "&orgUnit=" + unit
        + "&groupBy=owner";
    browser.driver().get(url("/funnel?" + filters + "&group=rep1"));
    ApiClient manager = ApiClient.as(port, "manager1");
    JsonNode group = null;
    for (JsonNode g : manager.get("/api/funnel?" + filters).json().path("groups")) {
      if (g.path("key").asText().equals("rep1")) {
        group = g;
      }
    }
    assertThat(group).as("rep1's slice").isNotNull();
    assertThat(group.path("open").asLong()).isEqualTo(open.size());
    assertThat(group.path("lost").asLong()).isEqualTo(1);
    for (String figure : List.of("open", "lost")) {
      WebElement button = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
          By.cssSelector("#summary button.figure[data-figure='" + figure + "']")));
      String shown = button.getText();
      ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
      button.sendKeys(Keys.ENTER);
      browser.waiting().until(d -> figure.equals(d.findElement(By.id("drill")).getDomAttribute("data-figure"))
          && d.findElement(By.id("drill-heading")).isDisplayed());
      long listedByApi = manager.get("/api/funnel/outcomes?" + filters + "&group=rep1&status=" + figure.toUpperCase(Locale.ROOT)
          + "&size=1").json().path("total").asLong();
      assertThat(browser.driver().findElement(By.id("drill-heading")).getDomAttribute("data-total"))
          .as(figure + " total: the list holds as many as the figure")
          .isEqualTo(Long.toString(group.path(figure).asLong()))
          .isEqualTo(Long.toString(listedByApi))
          .isEqualTo(shown.replaceAll("[^0-9]", ""));
      List<String> listed = browser.driver().findElements(By.cssSelector("#drill-table tbody tr[data-code]")).stream()
          .map(r -> r.getDomAttribute("data-code")).toList();
      assertThat(listed).containsExactlyInAnyOrderElementsOf(figure.equals("open") ? open : List.of(lost));
      String csv = browser.driver().findElement(By.id("drill-csv")).getDomAttribute("href");
      assertThat(csv).startsWith("/api/funnel/outcomes?").contains("status=" + figure.toUpperCase(Locale.ROOT))
          .contains("group=rep1").contains("from=" + first).contains("format=csv");
    }
    ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('drill').scrollIntoView({block: 'start'});");
    keepScreenshot(browser.driver(), "pages-funnel-drill-en");
  }

  /** Opens the list behind a stage's figure with the keyboard (the figure is a button); returns the figure shown. */
  private String openFigure(TasklistBrowser browser, String stage, String figure) {
    WebElement button = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#funnel-table tr[data-stage='" + stage + "'] button.figure[data-figure='" + figure + "']")));
    String shown = button.getText();
    ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
    button.sendKeys(Keys.ENTER);
    browser.waiting().until(d -> figure.equals(d.findElement(By.id("drill")).getDomAttribute("data-figure")));
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("drill-heading")));
    return shown;
  }

  private static JsonNode stageOf(JsonNode group, String stage) {
    for (JsonNode s : group.path("stages")) {
      if (s.path("stage").asText().equals(stage)) {
        return s;
      }
    }
    throw new AssertionError("No stage " + stage);
  }

  /** Filters go into the page's address, so the link opens the same funnel. */
  private void filterByOwnerAndShareTheLink(TasklistBrowser browser) {
    WebDriver driver = browser.driver();
    WebElement owner = driver.findElement(By.id("f-owner"));
    owner.clear();
    owner.sendKeys("rep1");
    new Select(driver.findElement(By.id("f-groupBy"))).selectByValue("owner");
    driver.findElement(By.id("apply")).click();
    browser.waiting().until(ExpectedConditions.urlContains("groupBy=owner"));
    assertThat(driver.getCurrentUrl()).contains("owner=rep1").contains("process=" + PROCESS);
    String shared = driver.getCurrentUrl();
    driver.get(shared);
    browser.waiting().until(d -> "owner".equals(d.findElement(By.id("f-groupBy")).getDomProperty("value"))
        && "rep1".equals(d.findElement(By.id("f-owner")).getDomProperty("value")));
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#funnel-table tbody tr[data-stage='TARGET']")));
  }

  /** The table's CSV and Excel links are the same API call with format=, signed in by the session. */
  private void exportsTheTable(TasklistBrowser browser) {
    WebDriver driver = browser.driver();
    String csv = driver.findElement(By.id("export-csv")).getDomAttribute("href");
    assertThat(csv).startsWith("/api/funnel?").contains("format=csv").contains("owner=rep1");
    assertThat(driver.findElement(By.id("export-xlsx")).getDomAttribute("href")).contains("format=xlsx");
    Object answer = ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(arguments[0]).then(r => r.text().then(t => done(r.status + ' ' + r.headers.get('content-type') + ' ' + t.split('\\n')[0])))"
            + ".catch(e => done(String(e)));", csv);
    assertThat(String.valueOf(answer)).startsWith("200 text/csv");
  }

  /** At a tablet's width (820 px) the chart goes above the table and nothing but the table scrolls sideways. */
  private static void fitsATablet(WebDriver driver) throws Exception {
    driver.manage().window().setSize(new Dimension(820, 1180));
    Object overflow = ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertThat(((Number) overflow).intValue()).as("the page scrolls sideways").isLessThanOrEqualTo(0);
    WebElement chart = driver.findElement(By.id("funnel-chart"));
    WebElement table = driver.findElement(By.id("funnel-table"));
    assertThat(chart.getRect().getY() + chart.getRect().getHeight()).as("chart above the table").isLessThanOrEqualTo(table.getRect().getY());
    keepScreenshot(driver, "pages-funnel-tablet");
    driver.manage().window().setSize(new Dimension(1280, 800));
  }

  private static void keepScreenshot(WebDriver driver, String name) throws Exception {
    Path file = Path.of("target", name + ".png");
    Files.createDirectories(file.getParent());
    Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
  }
}

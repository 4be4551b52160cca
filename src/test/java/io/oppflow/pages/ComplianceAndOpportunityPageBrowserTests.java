package io.oppflow.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;
import io.oppflow.support.Opportunities;
import io.oppflow.tasklist.TasklistBrowser;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
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
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The compliance page and the opportunity page in a real Chromium, as manager1, on a data set made through the
 * API under a fresh org unit below HQ/East (as the compliance tests make theirs): A passes two gates; B fails,
 * gets an exception approved by manager1 and is lost; C fails and the administrator moves it on (a violation).
 * Each page shows what its APIs say, in both languages; a list's opportunity opens its page.
 */
@H2ServiceTest
class ComplianceAndOpportunityPageBrowserTests {

  @LocalServerPort int port;

  private String unit;
  private String a;
  private String b;
  private String c;

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private JsonNode api(String path) {
    ApiClient.Response r = ApiClient.as(port, "manager1").get(path);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  @Test
  void shouldShowTheAuditAsItsApisSayAndOpenAListedOpportunityWithItsTimelineInBothLanguages() throws Exception {
    makeDataSet();
    try (TasklistBrowser browser = TasklistBrowser.start(port, "pages-compliance")) {
      WebDriver driver = browser.driver();
      driver.manage().window().setSize(new Dimension(1280, 800));
      browser.login("manager1");

      driver.get(url("/compliance?orgUnit=" + enc(unit)));
      assertComplianceShowsTheApis(browser, Locale.US);
      doesNotScrollSideways(driver, "/compliance");
      keepScreenshot(driver, "pages-compliance-en");
      keepWholePage(driver, "pages-compliance-full-en");
      drillFromARepsViolations(browser);
      exportsTheLists(driver);

      // from a list, to the opportunity's page
      WebElement link = driver.findElement(By.cssSelector("#violations-table tr[data-code='" + c + "'] a.opportunity-link"));
      scrollTo(driver, link);
      link.sendKeys(Keys.ENTER);
      browser.waiting().until(ExpectedConditions.urlToBe(url("/opportunity?code=" + c)));
      assertOpportunityShowsTheApis(browser, c, Locale.US);
      namesWhoMovedIt(driver);
      downloadsEachTable(driver, c);

      driver.get(url("/opportunity?code=" + b));
      assertOpportunityShowsTheApis(browser, b, Locale.US);
      assertThat(driver.findElement(By.cssSelector("#exceptions-table tbody tr[data-status='APPROVED']")).getText())
          .contains("manager1").contains("approved for the push");
      doesNotScrollSideways(driver, "/opportunity");
      keepScreenshot(driver, "pages-opportunity-en");
      keepWholePage(driver, "pages-opportunity-full-en");

      new Select(driver.findElement(By.id("language-switch"))).selectByValue("zh-CN");
      browser.waiting().until(ExpectedConditions.textToBe(By.id("stages-heading"), "阶段历程"));
      assertOpportunityShowsTheApis(browser, b, Locale.SIMPLIFIED_CHINESE);
      assertThat(driver.findElement(By.cssSelector("#stages-table tr[data-how='EXCEPTION']")).getText()).contains("经例外批准升迁");
      keepScreenshot(driver, "pages-opportunity-zh");

      driver.get(url("/compliance?orgUnit=" + enc(unit)));
      browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "合规审计"));
      assertComplianceShowsTheApis(browser, Locale.SIMPLIFIED_CHINESE);
      keepScreenshot(driver, "pages-compliance-zh");
      fitsATablet(browser, "/compliance?orgUnit=" + enc(unit), "pages-compliance-tablet");
      fitsATablet(browser, "/opportunity?code=" + b, "pages-opportunity-tablet");

      showsAMissingCodeClearly(browser);
    }
  }

  /** The data set, with opportunities of rep1 that sales-ops open in teams of a fresh unit. */
  private void makeDataSet() {
    unit = "HQ/East/PG" + UUID.randomUUID().toString().substring(0, 8);
    a = open(Opportunities.qualified(Opportunities.freshCode("PGA")).put("orgUnit", unit + "/A"));
    assertThat(advance(a)).isEqualTo("PASSED");
    assertThat(advance(a)).isEqualTo("PASSED");
    ApiClient.as(port, "rep1").post("/api/opportunities/" + a + "/activities",
        "{\"type\": \"VISIT\", \"date\": \"2026-01-05\", \"contact\": \"Wang\", \"note\": \"kick-off\"}");

    b = open(Opportunities.minimal(Opportunities.freshCode("PGB")).put("orgUnit", unit + "/A"));
    assertThat(advance(b)).isEqualTo("FAILED");
    ApiClient.Response asked = ApiClient.as(port, "rep1").post("/api/opportunities/" + b + "/exceptions",
        "{\"reason\": \"集团战略客户 / strategic account\"}");
    assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
    ApiClient.Response approved = ApiClient.as(port, "manager1").post("/api/exceptions/" + asked.json().path("id").asLong()
        + "/approve", "{\"reason\": \"approved for the push\"}");
    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    ApiClient.Response lost = ApiClient.as(port, "rep1").post("/api/opportunities/" + b + "/lose",
        "{\"reason\": \"COMPETITOR\", \"competitor\": \"Rival\"}");
    assertThat(lost.status()).as(lost.toString()).isBetween(200, 204);

    c = open(Opportunities.minimal(Opportunities.freshCode("PGC")).put("orgUnit", unit + "/B"));
    assertThat(advance(c)).isEqualTo("FAILED");
    String instance = ApiClient.as(port, "rep1").get("/api/opportunities/" + c).json().path("processInstanceId").asText();
    ApiClient.Response moved = ApiClient.as(port, "admin", "demo").post("/engine-rest/process-instance/" + instance
        + "/modification", """
        {"instructions": [
           {"type": "cancel", "activityId": "Stage_TARGET"},
           {"type": "startBeforeActivity", "activityId": "Stage_DISCOVER"}],
         "annotation": "moved by hand"}""");
    assertThat(moved.status()).as(moved.toString()).isEqualTo(204);
  }

  private String open(ObjectNode body) {
    ApiClient.Response r = ApiClient.as(port, "ops1").post("/api/opportunities", body.put("owner", "rep1").toString());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return body.path("code").asText();
  }

  private String advance(String code) {
    ApiClient.Response r = ApiClient.as(port, "rep1").post("/api/opportunities/" + code + "/advance", null);
    assertThat(r.status()).as(r.toString()).isLessThan(300);
    return r.json().path("verdict").asText();
  }

  private static String percent(JsonNode rate, Locale locale) {
    if (rate.isMissingNode() || rate.isNull()) {
      return "–";
    }
    DecimalFormat format = new DecimalFormat("#,##0.#%", DecimalFormatSymbols.getInstance(locale));
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format.format(new BigDecimal(rate.asText()));
  }

  private void assertComplianceShowsTheApis(TasklistBrowser browser, Locale locale) {
    WebDriver driver = browser.driver();
    browser.waiting().until(d -> "false".equals(d.findElement(By.id("results")).getDomAttribute("aria-busy")));
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#violations-table tr[data-code]")));
    JsonNode chain = api("/api/audit/verify");
    assertThat(driver.findElement(By.id("chain")).getDomAttribute("data-valid")).isEqualTo(chain.path("valid").asText());
    assertThat(driver.findElement(By.id("chain-status")).getDomAttribute("data-checked")).isEqualTo(chain.path("checked").asText());
    assertThat(driver.findElement(By.id("chain-status")).getText()).contains(locale == Locale.US ? "Intact" : "完整");

    String scope = "orgUnit=" + enc(unit);
    JsonNode owners = api("/api/compliance/report?groupBy=owner&" + scope);
    assertThat(driver.findElement(By.cssSelector("#totals [data-figure='passRate'] dd")).getText())
        .isEqualTo(percent(owners.path("totals").path("passRate"), locale));
    assertThat(driver.findElement(By.cssSelector("#totals [data-figure='violations'] dd")).getText())
        .isEqualTo(owners.path("totals").path("violations").asText());
    assertThat(driver.findElements(By.cssSelector("#owner-table tbody tr[data-key]"))).hasSize(owners.path("groups").size());
    for (JsonNode group : owners.path("groups")) {
      String row = "#owner-table tr[data-key='" + group.path("key").asText() + "'] ";
      assertThat(driver.findElement(By.cssSelector(row + "[data-figure='passRate']")).getText())
          .isEqualTo(percent(group.path("passRate"), locale));
      assertThat(driver.findElement(By.cssSelector(row + "[data-figure='evaluations']")).getText())
          .isEqualTo(group.path("evaluations").asText());
      assertThat(driver.findElement(By.cssSelector(row + "[data-figure='violations']")).getText())
          .isEqualTo(group.path("violations").asText());
    }
    JsonNode criteria = api("/api/compliance/report?groupBy=criterion&" + scope);
    assertThat(driver.findElements(By.cssSelector("#criterion-table tbody tr[data-key]"))).hasSize(criteria.path("groups").size());
    for (JsonNode group : criteria.path("groups")) {
      String row = "#criterion-table tr[data-key='" + group.path("key").asText() + "'] ";
      assertThat(driver.findElement(By.cssSelector(row + "[data-figure='passRate']")).getText())
          .isEqualTo(percent(group.path("passRate"), locale));
      assertThat(driver.findElement(By.cssSelector(row + "[data-figure='failed']")).getText())
          .isEqualTo(group.path("failed").asText());
    }
    assertThat(driver.findElement(By.id("criterion-chart")).getDomAttribute("aria-label"))
        .contains("TARGET-01 " + percent(criteria.path("groups").get(0).path("passRate"), locale));

    JsonNode violations = api("/api/compliance/violations?" + scope);
    assertThat(codes(driver, "#violations-table")).isEqualTo(values(violations.path("violations"), "opportunityCode"))
        .containsExactly(c);
    assertThat(driver.findElement(By.cssSelector("#violations-table tr[data-code='" + c + "']")).getText())
        .contains(locale == Locale.US ? "Gate not passed" : "阶段门未通过").contains("ModifyProcessInstance").contains("admin");
    JsonNode exceptions = api("/api/compliance/exceptions?" + scope);
    assertThat(codes(driver, "#exceptions-table")).isEqualTo(values(exceptions.path("exceptions"), "opportunityCode"))
        .containsExactly(b);
    WebElement exception = driver.findElement(By.cssSelector("#exceptions-table tr[data-code='" + b + "']"));
    assertThat(exception.getText()).contains("TARGET-01").contains("manager1").contains("approved for the push");
    assertThat(exception.findElement(By.cssSelector("[data-outcome]")).getDomAttribute("data-outcome")).isEqualTo("LOST");
    assertThat(exception.findElement(By.cssSelector("a")).getDomAttribute("href")).isEqualTo("/opportunity?code=" + b);
  }

  private static List<String> codes(WebDriver driver, String table) {
    return driver.findElements(By.cssSelector(table + " tbody tr[data-code]")).stream()
        .map(r -> r.getDomAttribute("data-code")).toList();
  }

  private static List<String> values(JsonNode list, String field) {
    List<String> values = new ArrayList<>();
    list.forEach(v -> values.add(v.path(field).asText()));
    return values;
  }

  /** A rep's violations figure lists that rep's violations, as many as it counts. */
  private void drillFromARepsViolations(TasklistBrowser browser) {
    WebDriver driver = browser.driver();
    WebElement figure = driver.findElement(By.cssSelector("#owner-table tr[data-key='rep1'] button[data-list='violations']"));
    String shown = figure.getText();
    scrollTo(driver, figure);
    figure.sendKeys(Keys.ENTER);
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("violations-all")));
    assertThat(driver.findElement(By.id("violations-heading")).getDomAttribute("data-count")).isEqualTo(shown);
    assertThat(driver.findElement(By.id("violations-heading")).getText()).contains("rep1");
    driver.findElement(By.id("violations-all")).click();
    browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("violations-all")));
  }

  /** Each list downloads through its API with the page's filters. */
  private void exportsTheLists(WebDriver driver) {
    for (String list : List.of("violations", "exceptions", "owner", "criterion")) {
      String href = driver.findElement(By.id(list + "-csv")).getDomAttribute("href");
      assertThat(href).startsWith("/api/compliance/").contains("orgUnit=" + enc(unit)).endsWith("format=csv");
      ApiClient.Response csv = ApiClient.as(port, "manager1").get(href);
      assertThat(csv.status()).as(list + " " + csv).isEqualTo(200);
      assertThat(driver.findElement(By.id(list + "-xlsx")).getDomAttribute("href")).endsWith("format=xlsx");
    }
    assertThat(ApiClient.as(port, "manager1").get(driver.findElement(By.id("violations-csv")).getDomAttribute("href")).body())
        .contains(c);
  }

  private void assertOpportunityShowsTheApis(TasklistBrowser browser, String code, Locale locale) {
    WebDriver driver = browser.driver();
    JsonNode stages = api("/api/opportunities/" + code + "/stages");
    JsonNode records = api("/api/opportunities/" + code + "/gate-records");
    browser.waiting().until(d -> d.findElements(By.cssSelector("#stages-table tbody tr[data-stage]")).size() == stages.size());
    assertThat(driver.findElement(By.id("heading")).getText()).contains(code);
    assertThat(driver.findElement(By.cssSelector("#facts [data-fact='owner'] dd")).getText()).isEqualTo("rep1");
    List<WebElement> rows = driver.findElements(By.cssSelector("#stages-table tbody tr[data-stage]"));
    for (int i = 0; i < stages.size(); i++) {
      JsonNode visit = stages.get(i);
      assertThat(rows.get(i).getDomAttribute("data-stage")).isEqualTo(visit.path("stage").asText());
      assertThat(rows.get(i).getDomAttribute("data-how")).isEqualTo(visit.path("how").asText());
      assertThat(rows.get(i).findElement(By.tagName("th")).getText())
          .isEqualTo(visit.path("name").path(locale == Locale.US ? "en" : "zh").asText());
    }
    assertThat(driver.findElements(By.cssSelector("#gates-table tbody tr[data-record]")).stream()
        .map(r -> r.getDomAttribute("data-record")).toList()).isEqualTo(values(records, "id"));
    for (JsonNode record : records) {
      WebElement row = driver.findElement(By.cssSelector("#gates-table tr[data-record='" + record.path("id").asText() + "']"));
      assertThat(row.getDomAttribute("data-verdict")).isEqualTo(record.path("verdict").asText());
      assertThat(row.getText()).contains(record.path("rulesVersion").asText()).contains(record.path("requestedBy").asText());
      for (JsonNode failure : record.path("failures")) {
        assertThat(row.findElement(By.cssSelector("[data-criterion='" + failure.path("code").asText() + "']")).getText())
            .contains(failure.path("message").path(locale == Locale.US ? "en" : "zh").asText());
      }
    }
  }

  /** C's first stage was left by the administrator's move: its timeline says who moved it. */
  private void namesWhoMovedIt(WebDriver driver) {
    JsonNode moved = api("/api/opportunities/" + c + "/stages").get(0);
    assertThat(moved.path("how").asText()).isEqualTo("MOVED");
    assertThat(moved.path("by").asText()).isEqualTo("admin");
    WebElement by = driver.findElement(By.cssSelector("#stages-table tr[data-how='MOVED'] td[data-by]"));
    assertThat(by.getDomAttribute("data-by")).isEqualTo("admin");
    assertThat(by.getText()).contains("admin").contains("moved the process instance");
  }

  /**
   * Each table links its API's CSV and Excel; the browser, signed in as the page is, gets the CSV of one with
   * its rows, and the Excel of another.
   */
  private void downloadsEachTable(WebDriver driver, String code) {
    String api = "/api/opportunities/" + code + "/";
    for (String[] table : new String[][] {{"stages", "stages"}, {"gates", "gate-records"}, {"exceptions", "exceptions"},
        {"activities", "activities"}}) {
      assertThat(driver.findElement(By.id(table[0] + "-csv")).getDomAttribute("href")).isEqualTo(api + table[1] + "?format=csv");
      assertThat(driver.findElement(By.id(table[0] + "-xlsx")).getDomAttribute("href")).isEqualTo(api + table[1] + "?format=xlsx");
    }
    assertThat(driver.findElement(By.id("stages-csv")).getText()).isEqualTo("Download CSV");
    Map<?, ?> csv = fetchInTheBrowser(driver, "stages-csv");
    assertThat(csv.get("status")).isEqualTo(200L);
    assertThat((String) csv.get("type")).startsWith("text/csv");
    assertThat((String) csv.get("body")).startsWith("id,process,")
        .contains(api("/api/opportunities/" + code).path("processInstanceId").asText()).contains("MOVED,LEFT,admin");
    Map<?, ?> xlsx = fetchInTheBrowser(driver, "gates-xlsx");
    assertThat(xlsx.get("status")).isEqualTo(200L);
    assertThat((String) xlsx.get("type")).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  }

  /** What the browser gets for the link's address: status, content type and (as text) body. */
  static Map<?, ?> fetchInTheBrowser(WebDriver driver, String linkId) {
    return (Map<?, ?>) ((JavascriptExecutor) driver).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch(document.getElementById(arguments[0]).href)
          .then(async r => done({status: r.status, type: r.headers.get('Content-Type'), body: await r.text()}))
          .catch(e => done({status: -1, type: '', body: String(e)}));""", linkId);
  }

  /** A code that does not exist says so instead of showing an empty page. */
  private void showsAMissingCodeClearly(TasklistBrowser browser) {
    WebDriver driver = browser.driver();
    driver.get(url("/opportunity?code=NO-SUCH-OPP-1"));
    WebElement message = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("message")));
    assertThat(message.getText()).contains("NO-SUCH-OPP-1").contains("没有");
    assertThat(driver.findElement(By.id("content")).isDisplayed()).isFalse();
    // another code from the page itself
    WebElement field = driver.findElement(By.id("f-code"));
    field.clear();
    field.sendKeys(a, Keys.ENTER);
    browser.waiting().until(ExpectedConditions.urlToBe(url("/opportunity?code=" + a)));
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#activities-table tr[data-activity]")));
    assertThat(driver.findElement(By.id("message")).isDisplayed()).isFalse();
  }

  /** At 800 px nothing but a table scrolls sideways. */
  private void fitsATablet(TasklistBrowser browser, String path, String screenshot) throws Exception {
    WebDriver driver = browser.driver();
    driver.manage().window().setSize(new Dimension(800, 1000));
    driver.get(url(path));
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tbody tr[data-code], tbody tr[data-stage]")));
    doesNotScrollSideways(driver, path);
    keepWholePage(driver, screenshot);
    driver.manage().window().setSize(new Dimension(1280, 800));
  }

  private static void doesNotScrollSideways(WebDriver driver, String page) {
    Object overflow = ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertThat(((Number) overflow).intValue()).as(page + " scrolls sideways").isLessThanOrEqualTo(0);
  }

  private static void scrollTo(WebDriver driver, WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  /** The whole page, for a reader of the test's output to look at (the window made as tall as the page). */
  private static void keepWholePage(WebDriver driver, String name) throws Exception {
    Dimension size = driver.manage().window().getSize();
    Number height = (Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight;");
    driver.manage().window().setSize(new Dimension(size.getWidth(), Math.min(height.intValue() + 140, 6000)));
    Thread.sleep(300);
    keepScreenshot(driver, name);
    driver.manage().window().setSize(size);
  }

  private static void keepScreenshot(WebDriver driver, String name) throws Exception {
    ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0);");
    Path file = Path.of("target", name + ".png");
    Files.createDirectories(file.getParent());
    Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
  }
}

package io.oppflow.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.oppflow.forecast.ForecastDataSet;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The compare page (ideal against actual funnel, the ideal funnel's form, reverse targets) and the forecast page
 * (both methods side by side, the back-test) in a real Chromium as manager1: the figures shown are the API's, the
 * ideal funnel is edited through the page (a bad rate shows the API's problem naming the field), both languages.
 */
@H2ServiceTest
class CompareAndForecastPageBrowserTests {

  private static final String PROCESS = "project-sales-funnel";
  private static final String IDEAL = """
      {"process": "project-sales-funnel", "stages": [
        {"stage": "TARGET", "targetConversion": 0.8}, {"stage": "DISCOVER", "targetConversion": 0.6},
        {"stage": "CONFIRM_INTENT", "targetConversion": 0.7}, {"stage": "INITIATE_PROJECT", "targetConversion": 0.9},
        {"stage": "WIN_RECOGNITION", "targetConversion": 0.9}, {"stage": "NEGOTIATE", "targetConversion": 0.9},
        {"stage": "CLOSE", "targetConversion": 0.9}],
       "targetRevenue": 3000000, "averageDealSize": 250000}
      """;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  private final String unit = "HQ/East/Shanghai-1/CMP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  private final String period = currentQuarter();

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void shouldShowTheApisComparisonTargetsAndForecastsEditTheIdealFunnelAndSpeakBothLanguages() throws Exception {
    openAdvanceAndLoseInTheUnit();
    assertThat(manager().put("/api/ideal-funnels/" + unit + "/" + period, IDEAL).status()).isEqualTo(200);
    ForecastDataSet forecastData = new ForecastDataSet(jdbc);
    forecastData.insert();

    try (TasklistBrowser browser = TasklistBrowser.start(port, "pages-compare", "en")) {
      WebDriver driver = browser.driver();
      driver.manage().window().setSize(new Dimension(1280, 800));
      browser.login("manager1");
      driver.get(url("/"));
      browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("welcome"), "Hello"));

      String page = "/compare?orgUnit=" + enc(unit) + "&period=" + period + "&process=" + PROCESS;
      driver.get(url(page));
      JsonNode comparison = manager().get("/api/funnel/compare?process=project-sales-funnel&orgUnit=" + enc(unit) + "&period=" + period).json();
      assertComparisonShows(browser, comparison, Locale.US);
      assertTargetsShow(browser, Locale.US);
      drillsIntoTheFunnel(browser, comparison, page);
      exports(browser, "export-csv", "/api/funnel/compare?");

      editsTheIdealFunnel(browser);
      comparison = manager().get("/api/funnel/compare?process=project-sales-funnel&orgUnit=" + enc(unit) + "&period=" + period).json();
      assertComparisonShows(browser, comparison, Locale.US);
      scrollToTop(driver);
      keepScreenshot(driver, "pages-compare-en");

      new Select(driver.findElement(By.id("language-switch"))).selectByValue("zh-CN");
      browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "理想漏斗对比与目标"));
      assertThat(driver.findElement(By.cssSelector("#compare-table thead th:nth-child(4)")).getText()).isEqualTo("实际升迁率");
      assertComparisonShows(browser, comparison, Locale.SIMPLIFIED_CHINESE);
      assertTargetsShow(browser, Locale.SIMPLIFIED_CHINESE);
      scrollToTop(driver);
      keepScreenshot(driver, "pages-compare-zh");
      fitsATablet(driver, "compare");

      String forecastPage = "/forecast?period=2027-Q1&orgUnit=" + enc(forecastData.orgUnit) + "&periods=6";
      driver.get(url(forecastPage));
      browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "业绩预测"));
      assertForecastShows(browser, forecastData.orgUnit, Locale.SIMPLIFIED_CHINESE);
      keepScreenshot(driver, "pages-forecast-zh");

      new Select(driver.findElement(By.id("language-switch"))).selectByValue("en");
      browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Sales forecast"));
      assertForecastShows(browser, forecastData.orgUnit, Locale.US);
      drillsIntoTheWeightedOpportunities(browser, forecastData.orgUnit);
      drillsIntoTheWonOfEachPeriod(browser, forecastData.orgUnit);
      exports(browser, "export-weighted-csv", "/api/forecast?");
      exports(browser, "export-backtest-csv", "/api/forecast/backtest?");
      exports(browser, "export-behind-csv", "/api/forecast?");
      assertThat(driver.findElement(By.id("export-behind-xlsx")).getDomAttribute("href"))
          .contains("table=opportunities").contains("format=xlsx");
      scrollToTop(driver);
      keepScreenshot(driver, "pages-forecast-en");
      fitsATablet(driver, "forecast");

      filtersAreInTheAddress(browser, forecastData.orgUnit);
    }
  }

  // --- data ---

  private ApiClient manager() {
    return ApiClient.as(port, "manager1");
  }

  /** Four opportunities of rep1 in a fresh unit: one advanced twice, one advanced then lost, one lost, one open. */
  private void openAdvanceAndLoseInTheUnit() {
    ApiClient rep1 = ApiClient.as(port, "rep1");
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String code = Opportunities.freshCode("CMP");
      ApiClient.Response created = rep1.post("/api/opportunities", Opportunities.qualified(code).put("orgUnit", unit).toString());
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      codes.add(code);
    }
    advance(rep1, codes.get(0));
    advance(rep1, codes.get(0));
    advance(rep1, codes.get(1));
    lose(rep1, codes.get(1));
    lose(rep1, codes.get(2));
    assertThat(rep1.get("/api/opportunities/" + codes.get(0)).json().path("stage").asText()).isEqualTo("CONFIRM_INTENT");
  }

  private static void advance(ApiClient rep, String code) {
    ApiClient.Response r = rep.post("/api/opportunities/" + code + "/advance", null);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
  }

  private static void lose(ApiClient rep, String code) {
    ApiClient.Response r = rep.post("/api/opportunities/" + code + "/lose", "{\"reason\": \"CUSTOMER_STOPPED\"}");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
  }

  private static String currentQuarter() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    return today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
  }

  // --- compare page ---

  /** Each stage's row shows the API's entered, advanced, actual and ideal conversion and gap; the weakest is marked. */
  private void assertComparisonShows(TasklistBrowser browser, JsonNode comparison, Locale locale) {
    JsonNode stages = comparison.path("stages");
    browser.waiting().until(d -> d.findElements(By.cssSelector("#compare-table tbody tr")).size() == stages.size()
        && sameNumber(stages.get(0).path("targetConversion").decimalValue(),
            cellValue(d, "compare-table", stages.get(0).path("stage").asText(), "targetConversion")));
    String weakest = comparison.path("weakestStage").path("stage").asText(null);
    assertThat(weakest).as("the API names a weakest stage").isNotNull();
    for (JsonNode stage : stages) {
      String code = stage.path("stage").asText();
      for (String figure : List.of("entered", "advanced")) {
        assertThat(cellText(browser.driver(), "compare-table", code, figure)).as(code + " " + figure)
            .isEqualTo(counts(locale).format(stage.path(figure).asLong()));
      }
      for (String figure : List.of("actualConversion", "targetConversion")) {
        assertThat(cellText(browser.driver(), "compare-table", code, figure)).as(code + " " + figure)
            .isEqualTo(stage.hasNonNull(figure) ? percent(locale).format(stage.path(figure).decimalValue()) : "–");
      }
      assertThat(cellText(browser.driver(), "compare-table", code, "delta")).as(code + " delta")
          .isEqualTo(stage.hasNonNull("delta") ? signedPercent(stage.path("delta").decimalValue(), locale) : "–");
      String rowClass = browser.driver().findElement(By.cssSelector("#compare-table tr[data-stage='" + code + "']")).getDomAttribute("class");
      assertThat("weakest".equals(rowClass)).as(code + " marked weakest").isEqualTo(code.equals(weakest));
      String name = stage.path("name").path(locale == Locale.US ? "en" : "zh").asText();
      assertThat(browser.driver().findElement(By.cssSelector("#compare-table tr[data-stage='" + code + "'] th")).getText()).startsWith(name);
    }
    WebElement summary = browser.driver().findElement(By.cssSelector("#summary [data-figure='weakestStage'] a"));
    assertThat(summary.getDomAttribute("data-stage")).isEqualTo(weakest);
    assertThat(summary.getText()).isEqualTo(comparison.path("weakestStage").path("name").path(locale == Locale.US ? "en" : "zh").asText());
    assertThat(new BigDecimal(browser.driver().findElement(By.cssSelector("#summary [data-figure='targetRevenue'] dd")).getDomAttribute("data-value")))
        .isEqualByComparingTo(comparison.path("targetRevenue").decimalValue());
  }

  /** The overall and per-rep numbers that must enter each stage are GET /api/funnel/targets'. */
  private void assertTargetsShow(TasklistBrowser browser, Locale locale) {
    JsonNode targets = manager().get("/api/funnel/targets?process=project-sales-funnel&orgUnit=" + enc(unit) + "&period=" + period).json();
    browser.waiting().until(d -> d.findElements(By.cssSelector("#targets-table tbody tr[data-stage]")).size() == targets.path("stages").size());
    assertThat(targets.path("perRep")).isNotEmpty();
    assertThat(browser.driver().findElement(By.cssSelector("#targets-summary [data-figure='dealsToWin'] dd")).getText())
        .isEqualTo(counts(locale).format(targets.path("dealsToWin").asLong()));
    for (int i = 0; i < targets.path("stages").size(); i++) {
      JsonNode stage = targets.path("stages").get(i);
      String code = stage.path("stage").asText();
      assertThat(neededText(browser, code, "")).as(code + " overall").isEqualTo(counts(locale).format(stage.path("needed").asLong()));
      for (JsonNode rep : targets.path("perRep")) {
        assertThat(neededText(browser, code, rep.path("owner").asText())).as(code + " " + rep.path("owner").asText())
            .isEqualTo(counts(locale).format(rep.path("stages").get(i).path("needed").asLong()));
      }
    }
  }

  private String neededText(TasklistBrowser browser, String stage, String owner) {
    return browser.driver().findElement(By.cssSelector("#targets-table tr[data-stage='" + stage + "'] td[data-figure='needed'][data-owner='"
        + owner + "']")).getText().trim();
  }

  /**
   * A stage's entered, advanced and actual conversion list the stage entries GET /api/funnel/entries gives for the
   * page's process, unit and period, as many as the comparison counts; the stage's name opens the funnel page of the
   * same scope, with the same entries; a rep's targets open that rep's funnel for the same period.
   */
  private void drillsIntoTheFunnel(TasklistBrowser browser, JsonNode comparison, String page) {
    WebDriver driver = browser.driver();
    JsonNode first = comparison.path("stages").get(0);
    LocalDate from = quarterStart();
    String scope = "process=" + PROCESS + "&orgUnit=" + enc(unit) + "&from=" + from + "&to=" + from.plusMonths(3);
    for (String[] figure : List.of(new String[] {"entered", "entered"}, new String[] {"advanced", "advanced"},
        new String[] {"actualConversion", "entered"})) {
      WebElement button = driver.findElement(By.cssSelector(
          "#compare-table tr[data-stage='TARGET'] td[data-figure='" + figure[0] + "'] button.figure"));
      ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
      button.sendKeys(Keys.ENTER);
      browser.waiting().until(d -> figure[1].equals(d.findElement(By.id("drill")).getDomAttribute("data-figure"))
          && d.findElement(By.id("drill-heading")).isDisplayed()
          && d.findElement(By.id("drill-heading")).getText().contains(figure[0].equals("actualConversion") ? "Actual" : "("));
      long listedByApi = manager().get("/api/funnel/entries?" + scope + "&stage=TARGET&figure=" + figure[1] + "&size=1")
          .json().path("total").asLong();
      assertThat(driver.findElement(By.id("drill-heading")).getDomAttribute("data-total")).as(figure[0])
          .isEqualTo(Long.toString(first.path(figure[1]).asLong()))
          .isEqualTo(Long.toString(listedByApi));
      assertThat(driver.findElements(By.cssSelector("#drill-table tbody tr[data-code]"))).hasSize((int) Math.min(100, listedByApi));
      assertThat(driver.findElement(By.id("drill-csv")).getDomAttribute("href")).startsWith("/api/funnel/entries?")
          .contains("figure=" + figure[1]).contains("from=" + from).contains("format=csv");
    }
    JsonNode targets = manager().get("/api/funnel/targets?process=project-sales-funnel&orgUnit=" + enc(unit) + "&period=" + period).json();
    for (JsonNode rep : targets.path("perRep")) {
      String owner = rep.path("owner").asText();
      assertThat(driver.findElement(By.cssSelector("#targets-table th[data-owner='" + owner + "'] a")).getDomAttribute("href"))
          .as(owner + "'s funnel for the period").contains("owner=" + owner).contains("from=" + from).contains("to=" + from.plusMonths(3));
    }

    WebElement link = driver.findElement(By.cssSelector("#compare-table tr[data-stage='TARGET'] a[data-figure-link='stage']"));
    String href = link.getDomAttribute("href");
    assertThat(href).startsWith("/funnel?").contains("process=" + PROCESS).contains("orgUnit=" + enc(unit)).contains("from=").contains("to=");
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", link);
    link.click();
    browser.waiting().until(ExpectedConditions.urlContains("/funnel?"));
    By entered = By.cssSelector("#funnel-table tr[data-stage='TARGET'] td[data-figure='entered']");
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(entered));
    browser.waiting().until(d -> d.findElement(entered).getText().trim().equals(counts(Locale.US).format(first.path("entered").asLong())));
    driver.get(url(page));
    browser.waiting().until(d -> d.findElements(By.cssSelector("#compare-table tbody tr")).size() == comparison.path("stages").size());
  }

  private static LocalDate quarterStart() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    return LocalDate.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1, 1);
  }

  /** A bad rate is refused with the API's problem naming the field; a good one is saved and the API has it. */
  private void editsTheIdealFunnel(TasklistBrowser browser) {
    WebDriver driver = browser.driver();
    WebElement rate = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("ideal-stage-0")));
    browser.waiting().until(d -> "0.8".equals(d.findElement(By.id("ideal-stage-0")).getDomProperty("value")));
    assertThat(rate.getDomAttribute("data-stage")).isEqualTo("TARGET");
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", rate);
    rate.clear();
    rate.sendKeys("1.5");
    driver.findElement(By.id("ideal-save")).click();
    WebElement problem = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("ideal-problem")));
    assertThat(problem.getText()).contains("stages[0].targetConversion");
    assertThat(driver.findElement(By.id("ideal-stage-0")).getDomAttribute("aria-invalid")).isEqualTo("true");
    assertThat(manager().get("/api/ideal-funnels/" + unit + "/" + period + "?process=project-sales-funnel").json().path("stages").get(0).path("targetConversion").decimalValue())
        .as("nothing saved").isEqualByComparingTo("0.8");

    rate = driver.findElement(By.id("ideal-stage-0"));
    rate.clear();
    rate.sendKeys("0.65");
    WebElement revenue = driver.findElement(By.id("ideal-targetRevenue"));
    revenue.clear();
    revenue.sendKeys("4000000");
    driver.findElement(By.id("ideal-save")).click();
    browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("ideal-status"), "Saved"));
    assertThat(driver.findElement(By.id("ideal-problem")).isDisplayed()).isFalse();
    JsonNode saved = manager().get("/api/ideal-funnels/" + unit + "/" + period + "?process=project-sales-funnel").json();
    assertThat(saved.path("stages").get(0).path("targetConversion").decimalValue()).isEqualByComparingTo("0.65");
    assertThat(saved.path("stages").get(1).path("targetConversion").decimalValue()).isEqualByComparingTo("0.6");
    assertThat(saved.path("targetRevenue").decimalValue()).isEqualByComparingTo("4000000");
    assertThat(saved.path("updatedBy").asText()).isEqualTo("manager1");
  }

  // --- forecast page ---

  /** Both methods' totals and stages, the weighted one's opportunities and the back-test are the API's. */
  private void assertForecastShows(TasklistBrowser browser, String orgUnit, Locale locale) {
    WebDriver driver = browser.driver();
    String scope = "period=2027-Q1&orgUnit=" + enc(orgUnit);
    JsonNode weighted = manager().get("/api/forecast?process=project-sales-funnel&method=weighted&details=true&" + scope).json();
    JsonNode historical = manager().get("/api/forecast?process=project-sales-funnel&method=historical&" + scope).json();
    JsonNode stageAge = manager().get("/api/forecast?process=project-sales-funnel&method=stage-age&" + scope).json();
    JsonNode seasonal = manager().get("/api/forecast?process=project-sales-funnel&method=stage-age-seasonal&" + scope).json();
    JsonNode backtest = manager().get("/api/forecast/backtest?process=project-sales-funnel&method=all&periods=6&" + scope).json();
    browser.waiting().until(d -> d.findElements(By.cssSelector("#backtest-table tbody tr")).size() == backtest.path("rows").size()
        && d.findElements(By.cssSelector("#methods-table tbody tr")).size() == weighted.path("byStage").size());

    for (JsonNode f : List.of(weighted, historical, stageAge, seasonal)) {
      WebElement total = driver.findElement(By.cssSelector("#totals [data-method='" + f.path("method").asText() + "'] dd"));
      assertMoney(total, f.path("total").decimalValue());
    }
    assertThat(weighted.path("total").decimalValue()).isPositive();
    for (JsonNode stage : weighted.path("byStage")) {
      String code = stage.path("stage").asText();
      assertThat(cellText(driver, "methods-table", code, "opportunities")).isEqualTo(counts(locale).format(stage.path("opportunities").asLong()));
      assertMoney(cell(driver, "methods-table", code, "weighted-expected"), stage.path("expected").decimalValue());
      assertThat(cellText(driver, "methods-table", code, "weighted-probability")).isEqualTo(percent(locale).format(stage.path("probability").decimalValue()));
    }
    for (JsonNode stage : historical.path("byStage")) {
      assertMoney(cell(driver, "methods-table", stage.path("stage").asText(), "historical-expected"), stage.path("expected").decimalValue());
    }
    for (JsonNode stage : stageAge.path("byStage")) {
      assertMoney(cell(driver, "methods-table", stage.path("stage").asText(), "stage-age-expected"), stage.path("expected").decimalValue());
    }
    assertMoney(cell(driver, "methods-table", "RUN_RATE", "stage-age-expected"), stageAge.path("runRate").decimalValue());
    assertMoney(cell(driver, "methods-table", "RUN_RATE", "stage-age-seasonal-expected"), seasonal.path("runRate").decimalValue());
    // which past starts the seasonal run rate came from: the same season's dates, or that it fell back
    String learnedFrom = cellText(driver, "methods-table", "RUN_RATE", "stage-age-seasonal-run-rate-basis");
    if (seasonal.path("runRateBasis").path("fellBack").asBoolean()) {
      assertThat(learnedFrom).isNotBlank().doesNotContain(seasonal.path("runRateBasis").path("starts").path(0).asText("?"));
    } else {
      assertThat(learnedFrom).contains(seasonal.path("runRateBasis").path("starts").path(0).asText());
    }
    List<String> listed = driver.findElements(By.cssSelector("#behind-table tbody tr[data-code]")).stream()
        .map(r -> r.getDomAttribute("data-code")).toList();
    List<String> counted = new ArrayList<>();
    weighted.path("opportunities").forEach(o -> counted.add(o.path("code").asText()));
    assertThat(listed).isNotEmpty().containsExactlyElementsOf(counted);

    int measured = 0;
    for (JsonNode row : backtest.path("rows")) {
      String p = row.path("period").asText();
      assertMoney(backtestCell(driver, p, "actual"), row.path("actual").decimalValue());
      for (JsonNode f : row.path("forecasts")) {
        String m = f.path("method").asText();
        if (!f.hasNonNull("forecast")) {
          assertThat(backtestCell(driver, p, m + "-forecast").getText().trim()).as(p + " " + m + ": no history").isEqualTo("–");
          continue;
        }
        assertMoney(backtestCell(driver, p, m + "-forecast"), f.path("forecast").decimalValue());
        WebElement error = backtestCell(driver, p, m + "-error");
        if (f.hasNonNull("errorPercent")) {
          measured++;
          assertThat(new BigDecimal(error.getDomAttribute("data-value"))).isEqualByComparingTo(f.path("errorPercent").decimalValue());
          assertThat(error.getText().trim()).isEqualTo(signedNumber(f.path("errorPercent").decimalValue(), locale) + "%");
        }
      }
    }
    assertThat(measured).as("some past period had something won").isPositive();
    for (JsonNode a : backtest.path("accuracy")) {
      WebElement mape = backtestCell(driver, "MAPE", a.path("method").asText() + "-mape");
      assertThat(mape.getText().trim()).isEqualTo(a.hasNonNull("mape") ? plain(locale).format(a.path("mape").decimalValue()) + "%" : "–");
    }
    assertThat(driver.findElement(By.id("trust")).getDomAttribute("data-trust")).isEqualTo(backtest.path("trust").asText(""));
    assertThat(backtest.path("rows").get(0).path("forecasts").findValuesAsText("method"))
        .containsExactly("weighted", "historical", "stage-age", "stage-age-seasonal", "same-as-last-period",
            "same-period-last-year");
  }

  /** The number of a stage's opportunities lists the ones the weighted forecast counts, each linked to its page. */
  private void drillsIntoTheWeightedOpportunities(TasklistBrowser browser, String orgUnit) {
    WebDriver driver = browser.driver();
    JsonNode weighted = manager().get("/api/forecast?process=project-sales-funnel&method=weighted&details=true&period=2027-Q1&orgUnit=" + enc(orgUnit)).json();
    WebElement figure = driver.findElement(By.cssSelector("#methods-table tr[data-stage='NEGOTIATE'] button.figure"));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", figure);
    figure.click();
    String name = "";
    for (JsonNode stage : weighted.path("byStage")) {
      if (stage.path("stage").asText().equals("NEGOTIATE")) {
        name = stage.path("name").path("en").asText();
      }
    }
    browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("behind-heading"), name));
    List<String> inStage = new ArrayList<>();
    weighted.path("opportunities").forEach(o -> { if (o.path("stage").asText().equals("NEGOTIATE")) inStage.add(o.path("code").asText()); });
    List<WebElement> rows = driver.findElements(By.cssSelector("#behind-table tbody tr[data-code]"));
    assertThat(rows.stream().map(r -> r.getDomAttribute("data-code")).toList()).containsExactlyElementsOf(inStage);
    assertThat(rows.get(0).findElement(By.cssSelector("a.opportunity-link")).getDomAttribute("href"))
        .isEqualTo("/opportunity?code=" + inStage.get(0));
    driver.findElement(By.id("behind-all")).click();
  }

  /**
   * A back-tested period's actual lists the opportunities won in it (GET /api/funnel/outcomes?status=WON over the
   * period's days): as many as the API lists, summing to the actual; the total of the weighted forecast's
   * opportunities lists all it counts.
   */
  private void drillsIntoTheWonOfEachPeriod(TasklistBrowser browser, String orgUnit) throws Exception {
    WebDriver driver = browser.driver();
    JsonNode backtest = manager().get("/api/forecast/backtest?process=project-sales-funnel&method=all&periods=6&period=2027-Q1&orgUnit=" + enc(orgUnit)).json();
    int drilled = 0;
    for (JsonNode row : backtest.path("rows")) {
      if (row.path("actual").decimalValue().signum() == 0) {
        continue;
      }
      String p = row.path("period").asText();
      WebElement button = backtestCell(driver, p, "actual").findElement(By.cssSelector("button.figure"));
      ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
      button.sendKeys(Keys.ENTER);
      browser.waiting().until(d -> "won".equals(d.findElement(By.id("drill")).getDomAttribute("data-figure"))
          && d.findElement(By.id("drill-heading")).isDisplayed()
          && d.findElement(By.id("drill-heading")).getText().contains(p));
      JsonNode won = manager().get("/api/funnel/outcomes?status=WON&process=" + backtest.path("process").asText() + "&from="
          + row.path("start").asText() + "&to=" + row.path("end").asText() + "&orgUnit=" + enc(orgUnit) + "&size=1").json();
      assertThat(driver.findElement(By.id("drill-heading")).getDomAttribute("data-total")).as(p)
          .isEqualTo(Long.toString(won.path("total").asLong()));
      assertThat(won.path("total").asLong()).isPositive();
      assertThat(new BigDecimal(driver.findElement(By.id("drill-note")).getDomAttribute("data-amount"))).as(p + " sums to the actual")
          .isEqualByComparingTo(row.path("actual").decimalValue());
      List<String> listed = driver.findElements(By.cssSelector("#drill-table tbody tr[data-code]")).stream()
          .map(r -> r.getDomAttribute("data-code")).toList();
      assertThat(listed).hasSize((int) Math.min(100, won.path("total").asLong()));
      drilled++;
    }
    assertThat(drilled).as("some period had something won").isPositive();
    ((JavascriptExecutor) driver).executeScript("document.getElementById('drill').scrollIntoView({block: 'start'});");
    keepScreenshot(driver, "pages-forecast-drill-en");

    JsonNode weighted = manager().get("/api/forecast?process=project-sales-funnel&method=weighted&details=true&period=2027-Q1&orgUnit=" + enc(orgUnit)).json();
    WebElement total = driver.findElement(By.cssSelector("#methods-table tfoot button.figure"));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", total);
    total.sendKeys(Keys.ENTER);
    browser.waiting().until(d -> d.findElement(By.id("behind-all")).getDomProperty("hidden").equals("true"));
    assertThat(driver.findElement(By.id("behind-heading")).getDomAttribute("data-count"))
        .isEqualTo(Integer.toString(weighted.path("opportunities").size()));
    driver.findElement(By.id("drill-close")).click();
  }

  /** Filters go into the page's address: a changed window is in the link and in the calls. */
  private void filtersAreInTheAddress(TasklistBrowser browser, String orgUnit) {
    WebDriver driver = browser.driver();
    WebElement window = driver.findElement(By.id("f-windowMonths"));
    window.clear();
    window.sendKeys("6");
    driver.findElement(By.id("apply")).click();
    browser.waiting().until(ExpectedConditions.urlContains("windowMonths=6"));
    assertThat(driver.getCurrentUrl()).contains("period=2027-Q1").contains("orgUnit=" + enc(orgUnit));
    JsonNode historical = manager().get("/api/forecast?process=project-sales-funnel&method=historical&windowMonths=6&period=2027-Q1&orgUnit=" + enc(orgUnit)).json();
    browser.waiting().until(d -> historical.path("total").decimalValue().compareTo(new BigDecimal(
        d.findElement(By.cssSelector("#totals [data-method='historical'] dd")).getDomAttribute("data-value"))) == 0);
    assertThat(driver.findElement(By.id("export-backtest-csv")).getDomAttribute("href")).contains("windowMonths=6");
  }

  // --- helpers ---

  private static WebElement cell(WebDriver driver, String table, String stage, String figure) {
    return driver.findElement(By.cssSelector("#" + table + " tr[data-stage='" + stage + "'] td[data-figure='" + figure + "']"));
  }

  private static String cellText(WebDriver driver, String table, String stage, String figure) {
    return cell(driver, table, stage, figure).getText().trim();
  }

  private static String cellValue(WebDriver driver, String table, String stage, String figure) {
    List<WebElement> found = driver.findElements(By.cssSelector("#" + table + " tr[data-stage='" + stage + "'] td[data-figure='" + figure + "']"));
    return found.isEmpty() ? null : found.get(0).getDomAttribute("data-value");
  }

  private static boolean sameNumber(BigDecimal expected, String shown) {
    return shown != null && !shown.isEmpty() && new BigDecimal(shown).compareTo(expected) == 0;
  }

  private static WebElement backtestCell(WebDriver driver, String period, String figure) {
    return driver.findElement(By.cssSelector("#backtest-table tr[data-period='" + period + "'] td[data-figure='" + figure + "']"));
  }

  /** An amount is shown rounded to the unit in the language's currency format: its digits are the API's. */
  private static void assertMoney(WebElement element, BigDecimal expected) {
    assertThat(new BigDecimal(element.getDomAttribute("data-value"))).isEqualByComparingTo(expected);
    assertThat(element.getText().replaceAll("[^0-9]", "")).isEqualTo(expected.setScale(0, RoundingMode.HALF_UP).toPlainString());
  }

  private static DecimalFormat counts(Locale locale) {
    return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale));
  }

  private static DecimalFormat percent(Locale locale) {
    return new DecimalFormat("#,##0.#%", DecimalFormatSymbols.getInstance(locale));
  }

  private static DecimalFormat plain(Locale locale) {
    return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(locale));
  }

  /** As the page shows a signed number (Intl's signDisplay exceptZero): +12.5, -3, 0. */
  private static String signedNumber(BigDecimal value, Locale locale) {
    return value.signum() == 0 ? "0" : new DecimalFormat("+#,##0.##;-#,##0.##", DecimalFormatSymbols.getInstance(locale)).format(value);
  }

  private static String signedPercent(BigDecimal value, Locale locale) {
    if (value.signum() == 0) {
      return percent(locale).format(value);
    }
    return new DecimalFormat("+#,##0.#%;-#,##0.#%", DecimalFormatSymbols.getInstance(locale)).format(value);
  }

  private void exports(TasklistBrowser browser, String id, String api) {
    WebDriver driver = browser.driver();
    String csv = driver.findElement(By.id(id)).getDomAttribute("href");
    assertThat(csv).startsWith(api).contains("format=csv");
    Object answer = ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(arguments[0]).then(r => done(r.status + ' ' + r.headers.get('content-type'))).catch(e => done(String(e)));", csv);
    assertThat(String.valueOf(answer)).startsWith("200 text/csv");
  }

  private static void scrollToTop(WebDriver driver) {
    ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0);");
  }

  /** At a tablet's width (820 px) nothing but a table scrolls sideways. */
  private static void fitsATablet(WebDriver driver, String page) throws Exception {
    driver.manage().window().setSize(new Dimension(820, 1180));
    Object overflow = ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertThat(((Number) overflow).intValue()).as(page + " scrolls sideways").isLessThanOrEqualTo(0);
    keepScreenshot(driver, "pages-" + page + "-tablet");
    driver.manage().window().setSize(new Dimension(1280, 800));
  }

  private static void keepScreenshot(WebDriver driver, String name) throws Exception {
    Path file = Path.of("target", name + ".png");
    Files.createDirectories(file.getParent());
    Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
  }
}

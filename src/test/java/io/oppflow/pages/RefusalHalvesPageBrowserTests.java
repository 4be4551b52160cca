package io.oppflow.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oppflow.shared.Message;
import io.oppflow.shared.Refusals;
import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;
import io.oppflow.support.Opportunities;
import io.oppflow.tasklist.TasklistBrowser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The API refuses in both languages ("中文 / English"); a page in one language shows only that language's half, in
 * a real Chromium: the message line (a forecast asked for a period that does not exist), a field's note and the
 * refusal box of the reassign form (an unknown user, a move manager1 may not make). Switching the language shows the
 * other half of what is shown, without asking the API again. The page splits every text as the server does
 * ({@link Message#parse}).
 */
@H2ServiceTest
class RefusalHalvesPageBrowserTests {

  private static final String HAN = "\\p{IsHan}";

  @LocalServerPort int port;

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  @Test
  void shouldShowTheForecastRefusalInTheMessageLineInThePagesLanguageOnly() throws Exception {
    String scope = "process=project-sales-funnel&orgUnit=HQ%2FEast&period=2027-Q5";
    ApiClient.Response refused = ApiClient.as(port, "manager1").get("/api/forecast/backtest?" + scope + "&method=all");
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    Message detail = Message.parse(refused.json().path("detail").asText());
    assertThat(detail.inBothLanguages()).as(detail.toString()).isTrue();
    assertThat(detail.en()).isEqualTo("period: '2027-Q5' is not a period: use a year (2027), a quarter (2027-Q1) or a month (2027-03)");

    try (TasklistBrowser browser = TasklistBrowser.start(port, "pages-halves-forecast", "zh-CN")) {
      WebDriver driver = browser.driver();
      driver.manage().window().setSize(new Dimension(1280, 800));
      browser.login("manager1");
      driver.get(url("/forecast?" + scope));
      WebElement message = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("message")));
      assertThat(message.getText()).isEqualTo("筛选条件无效，请检查日期与组织单元。 " + detail.zh())
          .contains("'2027-Q5' 不是期间").doesNotContain(" / ", "is not a period");
      keepScreenshot(driver, "pages-halves-forecast-zh");

      new Select(driver.findElement(By.id("language-switch"))).selectByValue("en");
      browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Sales forecast"));
      assertThat(driver.findElement(By.id("message")).getText())
          .isEqualTo("The filters are not valid: check the dates and the org unit. " + detail.en())
          .doesNotContainPattern(HAN);
      keepScreenshot(driver, "pages-halves-forecast-en");

      new Select(driver.findElement(By.id("language-switch"))).selectByValue("zh-CN");
      browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "业绩预测"));
      assertThat(driver.findElement(By.id("message")).getText()).endsWith(detail.zh());

      splitsEveryTextAsTheServerDoes(driver);
    }
  }

  @Test
  void shouldShowTheReassignRefusalsBesideTheFieldAndInTheBoxInThePagesLanguageOnly() throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8);
    String unit = "HQ/East/RH-" + id;
    ObjectNode body = Opportunities.minimal(Opportunities.freshCode("RH")).put("owner", "rep1").put("orgUnit", unit);
    ApiClient.Response created = ApiClient.as(port, "ops1").post("/api/opportunities", body.toString());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String code = created.json().path("code").asText();
    String ghost = "ghost-" + id;

    try (TasklistBrowser browser = TasklistBrowser.start(port, "pages-halves-reassign", "en")) {
      WebDriver driver = browser.driver();
      driver.manage().window().setSize(new Dimension(1280, 900));
      browser.login("manager1");
      driver.get(url("/opportunity?code=" + code));
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("reassign-form")));

      // an unknown user: the note beside the owner field is the English half of the API's message
      fill(driver, ghost, "to a colleague");
      submit(driver);
      String said = refusal(code, ghost).path("errors").get(0).path("message").asText();
      assertThat(said).isEqualTo("没有用户 '" + ghost + "' / no user '" + ghost + "'");
      browser.waiting().until(ExpectedConditions.textToBe(By.id("reassign-owner-error"), "no user '" + ghost + "'"));
      assertThat(driver.findElement(By.id("reassign-owner")).getDomAttribute("aria-invalid")).isEqualTo("true");
      keepScreenshot(driver, "pages-halves-reassign-field-en", "reassign-form");

      // the same note in Chinese once the page is: the page asks nothing again, it draws the other half
      new Select(driver.findElement(By.id("language-switch"))).selectByValue("zh-CN");
      browser.waiting().until(ExpectedConditions.textToBe(By.id("reassign-heading"), "调整负责人"));
      assertThat(driver.findElement(By.id("reassign-owner-error")).getText()).isEqualTo("没有用户 '" + ghost + "'");
      assertThat(driver.findElement(By.id("reassign-problem")).getText()).isEqualTo("未能调整负责人，请查看标红字段旁的说明。");
      keepScreenshot(driver, "pages-halves-reassign-field-zh", "reassign-form");

      // a refusal that names no field (403: rep2 works in HQ/North, which manager1 does not manage), in Chinese
      fill(driver, "rep2", "to Beijing");
      submit(driver);
      WebElement box = browser.waiting().until(d -> {
        WebElement problem = d.findElement(By.id("reassign-problem"));
        return problem.isDisplayed() && problem.getText().startsWith("未能调整负责人：") ? problem : null;
      });
      assertThat(box.getText()).isEqualTo("未能调整负责人： 只有同时管理 " + unit + " 和 HQ/North/Beijing-1 的经理、销售运营和管理员"
          + "可调整此商机的负责人；您是 HQ/East 的经理").doesNotContain("Only managers", " / ");
      assertThat(driver.findElement(By.id("reassign-owner-error")).getText()).isEmpty();
      keepScreenshot(driver, "pages-halves-reassign-box-zh", "reassign-form");

      new Select(driver.findElement(By.id("language-switch"))).selectByValue("en");
      browser.waiting().until(ExpectedConditions.textToBe(By.id("reassign-heading"), "Reassign"));
      assertThat(driver.findElement(By.id("reassign-problem")).getText()).startsWith("Not reassigned: Only managers of both "
          + unit + " and HQ/North/Beijing-1").doesNotContainPattern(HAN);
      keepScreenshot(driver, "pages-halves-reassign-box-en", "reassign-form");
      assertThat(ApiClient.as(port, "ops1").get("/api/opportunities/" + code).json().path("owner").asText()).isEqualTo("rep1");
    }
  }

  /**
   * The pages' halves (i18n.js) of texts the API writes, and of the awkward ones, are the server's: a value with
   * " / " quoted before the Chinese, Chinese in the English half, a field named before the Chinese, a rule's own
   * error with " / " in the English half, a text without Chinese.
   */
  @SuppressWarnings("unchecked")
  private static void splitsEveryTextAsTheServerDoes(WebDriver driver) {
    List<String> texts = List.of("code: " + Refusals.CODE, Refusals.PERIOD, Refusals.atMost(200),
        "'2027 / Q1' 不是期间：请用年份 / '2027 / Q1' is not a period: use a year",
        "没有用户 '王强' / no user '王强'",
        "stages[0].targetConversion: 须在 0 到 1 之间 / must be between 0 and 1",
        "base: 'colour' 不是商机的字段 / base: 'colour' is not a field of an opportunity",
        "关卡 demo/ONE 的规则在评估时出错 / The rules of gate demo/ONE failed while evaluating: IllegalStateException: a / b",
        "must be HQ/East / or so", "Only managers reassign", "");
    List<Map<String, String>> split = (List<Map<String, String>>) ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "import('/pages/js/i18n.js').then(m => done(arguments[0].map(t => m.halves(t))), e => done(String(e)));",
        texts);
    assertThat(split).hasSize(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      Message server = Message.parse(texts.get(i));
      assertThat(split.get(i)).as(texts.get(i)).isEqualTo(Map.of("zh", server.zh(), "en", server.en()));
    }
    assertThat(Message.parse(texts.get(3))).isEqualTo(new Message("'2027 / Q1' 不是期间：请用年份", "'2027 / Q1' is not a period: use a year"));
    assertThat(Message.parse(texts.get(7)).en()).endsWith("IllegalStateException: a / b");
  }

  /** What the API answers the same reassignment, for the page's note to be compared with. */
  private JsonNode refusal(String code, String owner) {
    ApiClient.Response r = ApiClient.as(port, "manager1").post("/api/opportunities/" + code + "/reassign",
        "{\"owner\": \"" + owner + "\", \"reason\": \"to a colleague\"}");
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    return r.json();
  }

  private static void fill(WebDriver driver, String owner, String reason) {
    ReassignForm.fill(driver, owner, "", reason);
  }

  private static void submit(WebDriver driver) {
    ReassignForm.submit(driver);
  }

  private static void keepScreenshot(WebDriver driver, String name) throws Exception {
    keepScreenshot(driver, name, null);
  }

  /** A screenshot of the page from its top, or with {@code elementId} in view, for a reader of the test's output. */
  private static void keepScreenshot(WebDriver driver, String name, String elementId) throws Exception {
    ((JavascriptExecutor) driver).executeScript(elementId == null ? "window.scrollTo(0, 0);"
        : "document.getElementById(arguments[0]).scrollIntoView({block: 'center'});", elementId);
    Path file = Path.of("target", name + ".png");
    Files.createDirectories(file.getParent());
    Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
  }
}

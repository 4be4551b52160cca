package io.oppflow.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oppflow.organization.OrgUnitDirectory;
import io.oppflow.shared.Message;
import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;
import io.oppflow.support.Opportunities;
import io.oppflow.tasklist.TasklistBrowser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Reassigning an opportunity on its page in a real Chromium: the form is offered only to whom the API says may
 * reassign (GET …/reassign), a refusal shows the problem detail's message beside the field it names, and a
 * reassignment shows the new owner and its row in the history at once. Each test has a fresh unit below HQ/East
 * (manager1 manages HQ/East) with rep1's opportunity in team A and a fresh rep placed in team B.
 */
@H2ServiceTest
class OpportunityReassignPageBrowserTests {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired OrgUnitDirectory directory;

  private String unit;
  private String newOwner;
  private String code;

  @BeforeEach
  void opportunityOfRep1AndARepOfAnotherTeam() {
    String id = UUID.randomUUID().toString().substring(0, 8);
    unit = "HQ/East/RP-" + id;
    newOwner = "rp-" + id;
    User user = identity.newUser(newOwner);
    user.setFirstName("Page");
    user.setLastName("Rep");
    user.setPassword("demo");
    identity.saveUser(user);
    identity.createMembership(newOwner, "sales-rep");
    directory.assign(newOwner, unit + "/B");
    ObjectNode body = Opportunities.minimal(Opportunities.freshCode("RP")).put("owner", "rep1").put("orgUnit", unit + "/A");
    ApiClient.Response r = ApiClient.as(port, "ops1").post("/api/opportunities", body.toString());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    code = r.json().path("code").asText();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  @Test
  void shouldShowEachRefusalBesideItsFieldThenReassignAndShowTheNewOwnerAndTheHistoryRow() throws Exception {
    try (TasklistBrowser browser = TasklistBrowser.start(port, "pages-reassign")) {
      WebDriver driver = browser.driver();
      driver.manage().window().setSize(new Dimension(1280, 900));
      browser.login("manager1");
      driver.get(url("/opportunity?code=" + code));
      WebElement form = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("reassign-form")));
      assertThat(form.findElement(By.tagName("h3")).getText()).isEqualTo("Reassign");
      assertThat(driver.findElements(By.cssSelector("#reassignments-table tbody tr[data-reassignment]"))).isEmpty();

      // no reason: the API names the field, its message stands beside it
      fill(driver, newOwner, "", "");
      submit(driver);
      String reasonError = waitForError(browser, "reason");
      assertThat(reasonError).as("the English half of the API's message")
          .isEqualTo(Message.parse(refusal(newOwner, "", "").path("errors").get(0).path("message").asText()).en())
          .isEqualTo("required: say why the opportunity changes hands");
      assertThat(driver.findElement(By.id("reassign-reason")).getDomAttribute("aria-invalid")).isEqualTo("true");
      assertThat(driver.findElement(By.id("reassign-owner")).getDomAttribute("aria-invalid")).isNull();
      assertThat(driver.findElement(By.id("reassign-problem")).getText()).contains("beside the fields marked in red");
      keepScreenshot(driver, "pages-reassign-refused-en", "reassign-form");

      // an org unit the new owner is no member of: now that field, and the reason's note is gone
      fill(driver, newOwner, "HQ/North/Beijing-1", "rep1 moves to key accounts");
      submit(driver);
      String unitError = waitForError(browser, "orgUnit");
      assertThat(unitError).contains(newOwner).contains("HQ/North/Beijing-1").contains(unit + "/B");
      assertThat(driver.findElement(By.id("reassign-reason-error")).getText()).isEmpty();

      // a refusal that names no field (403: rep2 works in HQ/North, which manager1 does not manage) reads in the box
      fill(driver, "rep2", "", "to Beijing");
      submit(driver);
      WebElement problem = browser.waiting().until(d -> {
        WebElement box = d.findElement(By.id("reassign-problem"));
        return box.isDisplayed() && box.getText().contains("HQ/North/Beijing-1") ? box : null;
      });
      assertThat(problem.getText()).startsWith("Not reassigned:").contains("Only managers of both");
      assertThat(driver.findElement(By.id("reassign-orgUnit-error")).getText()).isEmpty();
      assertThat(ApiClient.as(port, "ops1").get("/api/opportunities/" + code).json().path("owner").asText()).isEqualTo("rep1");

      // the reassignment: the owner, the unit and the history row as the API has them now
      fill(driver, newOwner, "", "rep1 moves to key accounts");
      submit(driver);
      browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
          By.cssSelector("#reassignments-table tbody tr[data-reassignment]")));
      JsonNode history = ApiClient.as(port, "manager1").get("/api/opportunities/" + code + "/reassignments").json();
      assertThat(history).hasSize(1);
      WebElement row = driver.findElement(By.cssSelector("#reassignments-table tr[data-reassignment='"
          + history.get(0).path("id").asText() + "']"));
      assertThat(row.getText()).contains("rep1").contains(unit + "/A").contains(newOwner).contains(unit + "/B")
          .contains("rep1 moves to key accounts").contains("manager1");
      assertThat(driver.findElement(By.cssSelector("#facts [data-fact='owner'] dd")).getText()).isEqualTo(newOwner);
      assertThat(driver.findElement(By.cssSelector("#facts [data-fact='orgUnit'] dd")).getText()).isEqualTo(unit + "/B");
      assertThat(driver.findElement(By.cssSelector("#stages-table small[data-reassigned-to='" + newOwner + "']")).getText())
          .isEqualTo("reassigned from rep1 to " + newOwner + " in this stage");
      assertThat(driver.findElement(By.id("reassign-done")).getText()).isEqualTo("Reassigned to " + newOwner + " (" + unit + "/B).");
      assertThat(driver.findElement(By.id("reassign-problem")).isDisplayed()).isFalse();
      assertThat(driver.findElement(By.id("reassign-owner")).getDomProperty("value")).isEmpty();
      assertThat(driver.findElement(By.id("reassignments-csv")).getDomAttribute("href"))
          .isEqualTo("/api/opportunities/" + code + "/reassignments?format=csv");
      doesNotScrollSideways(driver);
      keepWholePage(driver, "pages-reassign-manager1-en");

      // the same in Chinese, the refusal's lead too
      new Select(driver.findElement(By.id("language-switch"))).selectByValue("zh-CN");
      browser.waiting().until(ExpectedConditions.textToBe(By.id("reassign-heading"), "调整负责人"));
      assertThat(driver.findElement(By.cssSelector("label[for='reassign-owner']")).getText()).isEqualTo("新负责人（用户名）");
      assertThat(driver.findElement(By.id("reassign-done")).getText()).isEqualTo("已转给 " + newOwner + "（" + unit + "/B）。");
      fill(driver, "rep1", "", "");
      submit(driver);
      assertThat(waitForError(browser, "reason")).isEqualTo("请填写调整理由");
      assertThat(driver.findElement(By.id("reassign-problem")).getText()).isEqualTo("未能调整负责人，请查看标红字段旁的说明。");
      keepWholePage(driver, "pages-reassign-manager1-zh");
    }
  }

  @Test
  void shouldOfferTheFormToSalesOpsButNotToTheRepWhoOwnsTheOpportunity() throws Exception {
    try (TasklistBrowser browser = TasklistBrowser.start(port, "pages-reassign-rep", "zh-CN")) {
      WebDriver driver = browser.driver();
      driver.manage().window().setSize(new Dimension(1280, 900));
      browser.login("rep1");
      driver.get(url("/opportunity?code=" + code));
      browser.waiting().until(d -> "false".equals(d.findElement(By.id("content")).getDomAttribute("aria-busy"))
          && d.findElement(By.id("content")).isDisplayed());
      assertThat(ApiClient.as(port, "rep1").get("/api/opportunities/" + code + "/reassign").json().path("allowed").asBoolean())
          .isFalse();
      assertThat(driver.findElement(By.id("reassign-form")).isDisplayed()).isFalse();
      assertThat(driver.findElement(By.id("reassignments-heading")).isDisplayed()).isTrue();
      keepWholePage(driver, "pages-reassign-rep1-zh");
    }
    try (TasklistBrowser browser = TasklistBrowser.start(port, "pages-reassign-ops", "zh-CN")) {
      WebDriver driver = browser.driver();
      driver.manage().window().setSize(new Dimension(1280, 900));
      browser.login("ops1");
      driver.get(url("/opportunity?code=" + code));
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("reassign-form")));
      // sales-ops move it to another branch, which a manager of HQ/East may not
      fill(driver, "rep2", "", "转到北京 / to Beijing");
      submit(driver);
      browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector("#facts [data-fact='owner'] dd"), "rep2"));
      assertThat(driver.findElement(By.cssSelector("#facts [data-fact='orgUnit'] dd")).getText()).isEqualTo("HQ/North/Beijing-1");
      assertThat(driver.findElement(By.cssSelector("#reassignments-table tbody tr[data-reassignment]")).getText())
          .contains("转到北京 / to Beijing").contains("ops1");
      keepWholePage(driver, "pages-reassign-ops1-zh");
    }
  }

  /**
   * manager1's owner field offers the candidates of GET …/reassign, each as "name (org unit)": the new rep of team B,
   * not rep1 (the owner) nor rep2 (HQ/North). Choosing the new rep from the list says where the opportunity goes
   * (team B, the rep's); choosing manager1 says it stays. Submitting reassigns to the one chosen; then rep1 is
   * offered, in Chinese too.
   */
  @Test
  void shouldOfferManager1TheCandidatesAndReassignToTheOneChosen() throws Exception {
    JsonNode offered = ApiClient.as(port, "manager1").get("/api/opportunities/" + code + "/reassign").json()
        .path("candidates");
    try (TasklistBrowser browser = TasklistBrowser.start(port, "pages-reassign-candidates")) {
      WebDriver driver = browser.driver();
      driver.manage().window().setSize(new Dimension(1280, 900));
      browser.login("manager1");
      driver.get(url("/opportunity?code=" + code));
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("reassign-form")));
      WebElement owner = driver.findElement(By.id("reassign-owner"));
      assertThat(owner.getDomAttribute("list")).isEqualTo("reassign-owner-candidates");
      assertThat(options(driver).stream().map(o -> o.getDomAttribute("value")).toList())
          .isEqualTo(offered.findValuesAsText("userId")).contains(newOwner, "manager1").doesNotContain("rep1", "rep2");
      assertThat(option(driver, newOwner).getDomAttribute("label")).isEqualTo("Page Rep (" + unit + "/B)");
      assertThat(option(driver, "manager1").getDomAttribute("label")).isEqualTo("Wang Fang 王芳 (HQ/East)");
      assertThat(hint(driver)).isEqualTo("Empty: stays if the new owner is a member of it, else moves to theirs");
      assertThat(driver.findElement(By.id("reassign-owner-hint")).getText())
          .isEqualTo("Pick one of the " + offered.size() + " who may take it over, or type a user name");

      choose(driver, "manager1");
      assertThat(hint(driver)).isEqualTo("Empty: stays in " + unit + "/A (Wang Fang 王芳 belongs to it or to a unit above it)");
      choose(driver, newOwner);
      assertThat(owner.getDomProperty("value")).isEqualTo(newOwner);
      assertThat(hint(driver)).isEqualTo("Empty: moves to " + unit + "/B, the unit of Page Rep");
      assertThat(driver.findElement(By.id("reassign-owner-hint")).getText()).isEqualTo("Page Rep (" + unit + "/B)");
      assertThat(driver.findElement(By.id("reassign-orgUnit")).getDomAttribute("placeholder")).isEqualTo(unit + "/B");
      ReassignForm.type(driver, "reassign-reason", "rep1 moves to key accounts");
      keepScreenshot(driver, "pages-reassign-candidates-en", "reassign-form");

      submit(driver);
      browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector("#facts [data-fact='owner'] dd"), newOwner));
      assertThat(driver.findElement(By.cssSelector("#facts [data-fact='orgUnit'] dd")).getText()).isEqualTo(unit + "/B");
      assertThat(hint(driver)).as("the form is empty again").startsWith("Empty: stays if");
      assertThat(options(driver).stream().map(o -> o.getDomAttribute("value")).toList())
          .as("the new owner is no longer offered, the previous one is").contains("rep1").doesNotContain(newOwner);

      new Select(driver.findElement(By.id("language-switch"))).selectByValue("zh-CN");
      browser.waiting().until(ExpectedConditions.textToBe(By.id("reassign-heading"), "调整负责人"));
      assertThat(option(driver, "rep1").getDomAttribute("label")).isEqualTo("Li Wei 李伟（HQ/East/Shanghai-1）");
      choose(driver, "rep1");
      assertThat(hint(driver)).isEqualTo("不填：转入 Li Wei 李伟 所属的 HQ/East/Shanghai-1");
      keepScreenshot(driver, "pages-reassign-candidates-zh", "reassign-form");
    }
  }

  private static List<WebElement> options(WebDriver driver) {
    return driver.findElements(By.cssSelector("#reassign-owner-candidates option"));
  }

  private static WebElement option(WebDriver driver, String userId) {
    return driver.findElement(By.cssSelector("#reassign-owner-candidates option[value='" + userId + "']"));
  }

  private static String hint(WebDriver driver) {
    return driver.findElement(By.id("reassign-orgUnit-hint")).getText();
  }

  /**
   * Picks the user as the field's suggestion list does, which fills in the user name: headless Chromium shows no
   * datalist popup to arrow through, so the keys of the whole name are typed (the page hears the same input events).
   */
  private static void choose(WebDriver driver, String userId) {
    WebElement owner = driver.findElement(By.id("reassign-owner"));
    owner.clear();
    owner.sendKeys(userId);
  }

  /** What the API answers the same reassignment, for the page's message to be compared with. */
  private JsonNode refusal(String owner, String orgUnit, String reason) {
    ApiClient.Response r = ApiClient.as(port, "manager1").post("/api/opportunities/" + code + "/reassign",
        "{\"owner\": \"" + owner + "\", \"orgUnit\": \"" + orgUnit + "\", \"reason\": \"" + reason + "\"}");
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    return r.json();
  }

  private static void fill(WebDriver driver, String owner, String orgUnit, String reason) {
    ReassignForm.fill(driver, owner, orgUnit, reason);
  }

  private static void submit(WebDriver driver) {
    ReassignForm.submit(driver);
  }

  /** The message shown beside the field, once the answer has come. */
  private static String waitForError(TasklistBrowser browser, String field) {
    return browser.waiting().until(d -> {
      String text = d.findElement(By.id("reassign-" + field + "-error")).getText();
      return text.isEmpty() ? null : text;
    });
  }

  private static void doesNotScrollSideways(WebDriver driver) {
    Object overflow = ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertThat(((Number) overflow).intValue()).as("/opportunity scrolls sideways").isLessThanOrEqualTo(0);
  }

  /** The whole page, for a reader of the test's output to look at (the window made as tall as the page). */
  private static void keepWholePage(WebDriver driver, String name) throws Exception {
    Dimension size = driver.manage().window().getSize();
    Number height = (Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight;");
    driver.manage().window().setSize(new Dimension(size.getWidth(), Math.min(height.intValue() + 140, 6000)));
    Thread.sleep(300);
    keepScreenshot(driver, name, null);
    driver.manage().window().setSize(size);
  }

  /** A screenshot of the page from its top, or with {@code elementId} in view. */
  private static void keepScreenshot(WebDriver driver, String name, String elementId) throws Exception {
    ((JavascriptExecutor) driver).executeScript(elementId == null ? "window.scrollTo(0, 0);"
        : "document.getElementById(arguments[0]).scrollIntoView({block: 'center'});", elementId);
    Path file = Path.of("target", name + ".png");
    Files.createDirectories(file.getParent());
    Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
  }
}

package io.oppflow.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;
import io.oppflow.support.Opportunities;
import io.oppflow.tasklist.TasklistBrowser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A rep's day across both: signed into Tasklist, the pages know them without a second login and show only their
 * own funnel; logged out in Tasklist, the pages ask for the login again and come back after it.
 */
@H2ServiceTest
class SharedLoginBrowserTests {

  private static final String PROCESS = "project-sales-funnel";

  @LocalServerPort int port;

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  @Test
  void shouldShareTasklistsLoginWithThePagesForARepAndEndItWithTasklistsLogout() throws Exception {
    String code = Opportunities.freshCode("LOGIN");
    assertThat(ApiClient.as(port, "rep1").post("/api/opportunities", Opportunities.minimal(code).toString()).status())
        .isEqualTo(201);
    try (TasklistBrowser browser = TasklistBrowser.start(port, "shared-login")) {
      WebDriver driver = browser.driver();
      driver.manage().window().setSize(new Dimension(1280, 800));
      browser.login("rep1");

      driver.get(url("/"));
      browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("signed-in-user"), "Li Wei 李伟"));
      assertThat(driver.getCurrentUrl()).as("no second login").isEqualTo(url("/"));
      assertThat(FunnelPageBrowserTests.homeCardsShown(driver).stream().map(card -> card.get(0)).toList())
          .as("every page opens for a rep too (each shows what the rep's scope holds): the same cards as a manager's")
          .containsExactlyElementsOf(FunnelPageBrowserTests.HOME_CARDS.keySet());

      driver.get(url("/funnel?process=" + PROCESS));
      JsonNode own = ApiClient.as(port, "rep1").get("/api/funnel?process=" + PROCESS).json().path("groups").path(0);
      JsonNode target = own.path("stages").path(0);
      browser.waiting().until(d -> d.findElements(By.cssSelector("#funnel-table tr[data-stage='TARGET'] td[data-figure='entered']"))
          .stream().anyMatch(c -> c.getText().replace(",", "").equals(target.path("entered").asText())));
      long everyones = ApiClient.as(port, "manager1").get("/api/funnel?process=" + PROCESS).json()
          .path("groups").path(0).path("stages").path(0).path("entered").asLong();
      assertThat(everyones).as("the manager sees more than the rep's own").isGreaterThanOrEqualTo(target.path("entered").asLong());

      WebElement entered = driver.findElement(By.cssSelector("#funnel-table tr[data-stage='TARGET'] button.figure[data-figure='open']"));
      ((JavascriptExecutor) driver).executeScript("arguments[0].click();", entered);
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#drill-table tbody tr[data-code]")));
      List<String> owners = driver.findElements(By.cssSelector("#drill-table tbody tr[data-code] td:nth-child(4)")).stream()
          .map(WebElement::getText).distinct().toList();
      assertThat(owners).as("a rep lists only their own").containsExactly("rep1");

      logOutInTasklist(browser);
      driver.get(url("/funnel?process=" + PROCESS));
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
      TasklistBrowser.signIn(driver, browser.waiting(), "rep1", "demo");
      browser.waiting().until(ExpectedConditions.urlToBe(url("/funnel?process=" + PROCESS)));
      browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("signed-in-user"), "Li Wei 李伟"));
    }
  }

  /** Tasklist's own logout, from the user menu in its header. */
  private void logOutInTasklist(TasklistBrowser browser) {
    WebDriver driver = browser.driver();
    driver.get(browser.tasklistUrl());
    WebElement logout = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("[ng-click*='logout']")));
    ((JavascriptExecutor) driver).executeScript("arguments[0].click();", logout);
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
  }
}

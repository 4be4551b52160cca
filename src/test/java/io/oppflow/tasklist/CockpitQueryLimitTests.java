package io.oppflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.oppflow.support.H2ServiceTest;
import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Cockpit under the engine's query limit (2,000 rows): sales-ops see the dashboard and the process list
 * without an error notice; its lists are paged or exempt from the limit. Its header offers them Tasklist only.
 */
@H2ServiceTest
class CockpitQueryLimitTests {

  private static final By ERROR_NOTICES = By.cssSelector(".notifications .alert-danger, .alert.alert-danger");

  @LocalServerPort int port;

  @Test
  void shouldShowCockpitsDashboardAndProcessesToSalesOpsUnderTheQueryLimit() throws Exception {
    try (TasklistBrowser browser = TasklistBrowser.start(port, "cockpit")) {
      var driver = browser.driver();
      driver.get("http://localhost:" + port + "/camunda/app/cockpit/default/");
      TasklistBrowser.signIn(driver, browser.waiting(), "ops1", "demo");
      // leave the dashboard only once signed in: a list opened while the login is in flight is answered 401,
      // which Cockpit shows as "Authentication failed" (seen on a loaded machine)
      browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
      driver.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/processes");
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
          By.xpath("//a[contains(normalize-space(.), 'Project sales funnel')]")));
      // Cockpit's list queries answer after the page shows: an error notice would come within a second or so,
      // so the page must stay free of one for a while (not only at one instant). Cockpit's error notices stay
      // until dismissed; the generous upper bound only gives a loaded machine time to poll through the window.
      try {
        await("Cockpit free of error notices").pollInSameThread().during(Duration.ofMillis(2000)).atMost(Duration.ofSeconds(15))
            .pollInterval(Duration.ofMillis(250)).until(() -> driver.findElements(ERROR_NOTICES).isEmpty());
      } catch (ConditionTimeoutException e) {
        throw new AssertionError("error notices in Cockpit (" + browser.screenshot("cockpit-processes") + "): "
            + driver.findElements(ERROR_NOTICES).stream().map(WebElement::getText).toList(), e);
      }
      browser.screenshot("cockpit-processes");
      // sales-ops may switch to Tasklist, not to Admin; Camunda's migration banner is hidden here too
      assertThat(browser.headerApps()).containsExactly("tasklist");
      assertThat(browser.showsMigrationBanner()).isFalse();
      browser.keepScreenshot("cockpit-ops-processes");
    }
  }
}

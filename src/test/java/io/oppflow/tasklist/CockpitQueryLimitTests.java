package io.oppflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import io.oppflow.support.H2ServiceTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Cockpit under the engine's query limit (2,000 rows): sales-ops see the dashboard and the process list
 * without an error notice; its lists are paged or exempt from the limit.
 */
@H2ServiceTest
class CockpitQueryLimitTests {

  @LocalServerPort int port;

  @Test
  void shouldShowCockpitsDashboardAndProcessesToSalesOpsUnderTheQueryLimit() throws Exception {
    try (TasklistBrowser browser = TasklistBrowser.start(port, "cockpit")) {
      var driver = browser.driver();
      driver.get("http://localhost:" + port + "/camunda/app/cockpit/default/");
      TasklistBrowser.signIn(driver, browser.waiting(), "ops1", "demo");
      driver.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/processes");
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
          By.xpath("//a[contains(normalize-space(.), 'Project sales funnel')]")));
      Thread.sleep(1500);
      String shot = browser.screenshot("cockpit-processes");
      assertThat(driver.findElements(By.cssSelector(".notifications .alert-danger, .alert.alert-danger")))
          .as("error notices in Cockpit (%s)", shot).isEmpty();
    }
  }
}

package io.oppflow.tasklist;

import static io.oppflow.tasklist.TasklistLabels.*;
import static io.oppflow.tasklist.TasklistBrowser.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;
import io.oppflow.support.Opportunities;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The stage form's required fields in the real Tasklist 7.24 (form-js, schemaVersion 16), in headless Chromium:
 * losing asks for the loss reason before anything is sent, and the competitor, required but hidden unless the
 * customer chose a competitor, does not block a loss for another reason. The activity section is there, empty.
 * Screenshots go to {@code target/screenshots/stage-form-*.png}.
 */
@H2ServiceTest
class StageFormTasklistTests {


  @LocalServerPort
  int port;

  private TasklistBrowser rep;

  @AfterEach
  void closeBrowser() throws IOException {
    if (rep != null) {
      rep.close();
    }
  }

  @Test
  @Timeout(120)
  void shouldAskForTheLossReasonButNotForTheHiddenCompetitorWhenLosing() throws IOException {
    String code = Opportunities.freshCode("TLLOSE");
    ApiClient rep1 = ApiClient.as(port, "rep1");
    assertThat(rep1.post("/api/opportunities", Opportunities.minimal(code).toString()).status()).isEqualTo(201);
    String taskId = waitFor(() -> {
      var found = rep1.get("/engine-rest/task?processInstanceBusinessKey=" + code).json();
      return found.size() == 1 ? found.get(0).path("id").asText() : null;
    }, "rep1's TARGET task of " + code);

    rep = TasklistBrowser.start(port, "rep1");
    rep.login("rep1");
    rep.openTask(taskId, GATE_FEEDBACK);
    assertThat(rep.waitForValue(rep.formTextarea(STAGE_ACTIVITIES), "尚无 / None yet")).isEqualTo("尚无 / None yet");
    for (String label : new String[] {"活动类型 / Activity type", "活动日期 / Activity date", "联系人 / Contact",
        "联系人是决策人 / The contact is a decision maker", "活动记录 / Activity note"}) {
      assertThat(rep.formLabel(label).isDisplayed()).as(label).isTrue();
    }

    rep.choose(STAGE_ACTION, "标记为丢单");
    rep.waiting().until(d -> rep.formLabel(LOSS_REASON).isDisplayed());
    assertThat(rep.driver().findElements(By.xpath(TasklistBrowser.labelXpath(COMPETITOR))))
        .as("the competitor is asked for only when lost to one").isEmpty();
    rep.click(rep.driver().findElement(TasklistBrowser.completeButton()));
    WebElement error = rep.waiting().until(d -> d.findElements(By.xpath("//*[contains(@class,'fjs-form-field')]"
        + "[.//label[contains(normalize-space(.),'" + LOSS_REASON + "')]]//*[contains(@class,'fjs-form-field-error')]"))
        .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    assertThat(error.getText()).isNotBlank();
    assertThat(rep.driver().findElements(By.cssSelector(".fjs-form-field-error")).stream()
        .filter(e -> e.isDisplayed() && !e.getText().isBlank()).count()).as("only the loss reason is asked for").isOne();
    rep.keepScreenshot("stage-form-1-loss-reason-required");
    assertThat(rep1.get("/api/opportunities/" + code).json().path("status").asText()).isEqualTo("OPEN");
    // Tasklist's own notice of a form that did not validate ("An error happened while submitting the task form")
    closeNotices();

    rep.choose(LOSS_REASON, "客户停止采购");
    rep.waiting().until(d -> d.findElements(By.xpath(TasklistBrowser.labelXpath(COMPETITOR))).isEmpty());
    rep.complete(GATE_FEEDBACK);

    assertThat(waitFor(() -> {
      String status = rep1.get("/api/opportunities/" + code).json().path("status").asText();
      return status.equals("LOST") ? status : null;
    }, code + " lost")).isEqualTo("LOST");
  }

  private void closeNotices() {
    for (WebElement alert : rep.driver().findElements(By.cssSelector(".page-notifications .alert"))) {
      alert.findElements(By.cssSelector("button.close")).stream().filter(WebElement::isDisplayed).findFirst()
          .ifPresent(WebElement::click);
    }
    rep.waiting().until(d -> d.findElements(By.cssSelector(".page-notifications .alert")).isEmpty());
  }
}

package io.oppflow.tasklist;

import static io.oppflow.tasklist.TasklistLabels.*;
import static io.oppflow.tasklist.GateExceptionTasklistTests.taskIdOrNull;
import static io.oppflow.tasklist.TasklistBrowser.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;
import io.oppflow.support.Opportunities;
import java.io.IOException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A stalled opportunity reviewed in the real Tasklist: once the stage's dwell limit passes, manager1
 * finds the review under "Stalled opportunities", sees the stage and the owner, and continues with a
 * note; the opportunity stays in its stage with the rep's task untouched, and the warning clears.
 */
@H2ServiceTest
class StalledReviewTasklistTests {

  private static final String REVIEW_TASK_KEY = "Task_TARGET_ReviewStalled";
  private static final String STAGE = "阶段 / Stage";
  private static final String OWNER = "负责人 / Owner";
  private static final String DECISION = "审查结论 / Decision";
  private static final String NOTE = "说明 / Note";

  @LocalServerPort int port;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;

  private TasklistBrowser manager;

  @AfterEach
  void closeBrowser() throws IOException {
    if (manager != null) {
      manager.close();
    }
  }

  @Test
  @Timeout(120)
  void shouldLetTheOpportunitysManagerContinueAStalledOpportunityInTasklist() throws IOException {
    ApiClient rep1 = ApiClient.as(port, "rep1");
    ApiClient manager1 = ApiClient.as(port, "manager1");
    String code = Opportunities.freshCode("TLSTALL");
    assertThat(rep1.post("/api/opportunities", Opportunities.minimal(code).toString()).status()).isEqualTo(201);
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult().getId();
    String repTask = waitFor(() -> taskIdOrNull(rep1, code, "Task_TARGET"), "rep1's TARGET task");
    management.executeJob(management.createJobQuery().processInstanceId(instance).activityId("Timer_TARGET_Stalled")
        .singleResult().getId());
    String reviewId = waitFor(() -> taskIdOrNull(manager1, code, REVIEW_TASK_KEY), "the review of " + code);
    String note = "与李伟沟通：客户预算会议推迟到下周 / budget meeting moved to next week " + code;

    manager = TasklistBrowser.start(port, "manager1");
    manager.login("manager1");
    manager.pickFilter(STALLED);
    WebElement link = manager.waiting().until(d -> manager.taskLinks(reviewId).stream().findFirst().orElse(null));
    assertThat(link.getText()).contains("审查停滞商机 / Review stalled opportunity");
    manager.clickTaskInList(reviewId, STAGE);
    assertThat(manager.waitForValue(manager.formTextfield(STAGE), "TARGET")).isEqualTo("TARGET");
    assertThat(manager.waitForValue(manager.formTextfield(OWNER), "rep1")).isEqualTo("rep1");
    manager.claim();
    manager.choose(DECISION, "继续跟进");
    manager.typeInTextarea(NOTE, note);
    manager.complete(STAGE);

    waitFor(() -> taskIdOrNull(manager1, code, REVIEW_TASK_KEY) == null ? "done" : null, "the review to be completed");
    assertThat(taskIdOrNull(rep1, code, "Task_TARGET")).as("the rep's task is untouched").isEqualTo(repTask);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName("stalledNote")
        .singleResult().getValue()).isEqualTo(note);
    assertThat(manager1.get("/api/warnings?kind=STALLED").body()).doesNotContain(code);
  }
}

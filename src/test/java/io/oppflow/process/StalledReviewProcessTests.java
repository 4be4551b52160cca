package io.oppflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oppflow.support.ApiClient;
import io.oppflow.support.BpmnAssertionsOnTheEngine;
import io.oppflow.support.H2ServiceTest;
import io.oppflow.support.Opportunities;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A stage's dwell limit: its timer asks the opportunity's managers to review it, and nothing else changes. */
@H2ServiceTest
@ExtendWith(BpmnAssertionsOnTheEngine.class)
class StalledReviewProcessTests {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;

  @Test
  void shouldArmTheStageTimerWithTheStagesDwellLimit() {
    ProcessInstance project = open(Opportunities.qualified(Opportunities.freshCode("DWELL")));
    ObjectNode classicBody = Opportunities.qualified(Opportunities.freshCode("DWELLC"));
    classicBody.put("process", "classic-funnel");
    ProcessInstance classic = open(classicBody);

    assertThat(daysUntil(timer(project, "TARGET"))).isEqualTo(14);
    assertThat(daysUntil(timer(classic, "IDENTIFIED"))).isEqualTo(14);

    ApiClient.as(port, "rep1").post("/api/opportunities/" + project.getBusinessKey() + "/advance", null);
    assertThat(management.createJobQuery().processInstanceId(project.getId()).activityId("Timer_TARGET_Stalled").count())
        .as("the timer of a stage left is gone").isZero();
    assertThat(daysUntil(timer(project, "DISCOVER"))).isEqualTo(30);
  }

  @Test
  void shouldOfferTheReviewToTheManagersOfTheOpportunitysUnitWhenTheDwellLimitPasses() {
    ProcessInstance instance = open(Opportunities.minimal(Opportunities.freshCode("STALL")));

    management.executeJob(timer(instance, "TARGET").getId());

    assertThat(instance).isWaitingAt("Task_TARGET", "Task_TARGET_ReviewStalled");
    Task review = task("Task_TARGET_ReviewStalled", instance);
    assertThat(review).isNotAssigned().hasCandidateUser("manager1");
    assertThat(review.getName()).startsWith("审查停滞商机 / Review stalled opportunity · 1 定位目标客户群 · ")
        .endsWith("(" + instance.getBusinessKey() + ")");
    assertThat(tasks.getIdentityLinksForTask(review.getId())).noneMatch(l -> "sales-manager".equals(l.getGroupId()));
    assertThat(tasks.getVariablesLocal(review.getId())).containsEntry("stalledStage", "TARGET")
        .containsEntry("dwellLimit", "P14D").containsEntry("daysInStage", 0L);
    assertThat(task("Task_TARGET", instance)).isAssignedTo("rep1");
  }

  @Test
  void shouldOfferTheReviewToEverySalesManagerWhenNoManagerIsPlacedOverTheUnit() {
    ObjectNode body = Opportunities.minimal(Opportunities.freshCode("NOMGR"));
    body.put("owner", "rep2").put("orgUnit", "HQ/North/Beijing-1");
    ApiClient.Response created = ApiClient.as(port, "rep2").post("/api/opportunities", body.toString());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(created.json().path("code").asText())
        .singleResult();

    management.executeJob(timer(instance, "TARGET").getId());

    Task review = task("Task_TARGET_ReviewStalled", instance);
    assertThat(review).isNotAssigned();
    // by name, as every routed task: the managers at the time the review is created
    assertThat(tasks.getIdentityLinksForTask(review.getId())).noneMatch(l -> l.getGroupId() != null)
        .extracting(org.camunda.bpm.engine.task.IdentityLink::getUserId)
        .containsExactlyInAnyOrderElementsOf(engine.getIdentityService().createUserQuery().memberOfGroup("sales-manager").list()
            .stream().map(org.camunda.bpm.engine.identity.User::getId).toList());
  }

  @Test
  void shouldLeaveTheOpportunityInItsStageWhenTheManagerContinues() {
    ProcessInstance instance = open(Opportunities.qualified(Opportunities.freshCode("CONT")));
    management.executeJob(timer(instance, "TARGET").getId());
    String repTask = task("Task_TARGET", instance).getId();

    tasks.complete(task("Task_TARGET_ReviewStalled", instance).getId(),
        Map.of("stalledDecision", "CONTINUE", "stalledNote", "客户年底预算会议后再跟进 / follow up after the budget meeting"));

    assertThat(instance).isWaitingAt("Task_TARGET").hasPassed("End_TARGET_StalledReviewed").isNotEnded();
    assertThat(task(instance).getId()).as("the rep gets nothing new").isEqualTo(repTask);
    assertThat(ApiClient.as(port, "rep1").post("/api/opportunities/" + instance.getBusinessKey() + "/advance", null)
        .json().path("stage").asText()).isEqualTo("DISCOVER");
    assertThat(instance).isWaitingAt("Task_DISCOVER").hasPassedInOrder("Task_TARGET_ReviewStalled", "End_TARGET_StalledReviewed", "Gate_TARGET");
    // Stage_TARGET started before the review and ended with the gate in the same millisecond: order by time is moot.
    assertThat(instance).hasPassed("Stage_TARGET");
  }

  @Test
  void shouldRefuseAReviewWithoutANote() {
    ProcessInstance instance = open(Opportunities.minimal(Opportunities.freshCode("NONOTE")));
    management.executeJob(timer(instance, "TARGET").getId());
    String review = task("Task_TARGET_ReviewStalled", instance).getId();

    assertThatThrownBy(() -> tasks.complete(review, Map.of("stalledDecision", "CONTINUE")))
        .hasMessageContaining("note");
    assertThat(instance).isWaitingAt("Task_TARGET", "Task_TARGET_ReviewStalled");
  }

  private Job timer(ProcessInstance instance, String stage) {
    Job job = management.createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId("Timer_" + stage + "_Stalled").singleResult();
    assertThat(job).as("the dwell-limit timer of " + stage).isNotNull();
    return job;
  }

  private static long daysUntil(Job job) {
    return Math.round(Duration.between(Instant.now(), job.getDuedate().toInstant()).toMinutes() / 1440.0);
  }

  private ProcessInstance open(ObjectNode body) {
    ApiClient.Response created = ApiClient.as(port, "rep1").post("/api/opportunities", body.toString());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(created.json().path("code").asText()).singleResult();
  }
}

package io.oppflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.oppflow.demo.DemoData.DemoDataReport;
import io.oppflow.support.ApiClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo data of a first start, in a database of its own: 60 opportunities (300 by default) played through the
 * real services and engine with a moved clock, so that the funnel, the exceptions, the stalled reviews and the
 * compliance audit of a fresh demo all have something to show. In a JVM of its own (surefire execution
 * {@code demo-data}, by the tag): the generator moves the engine's clock, which is one per JVM.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "spring.datasource.url=jdbc:h2:mem:demo-data-tests;DB_CLOSE_DELAY=-1",
        "oppflow.demo.data.enabled=true",
        "oppflow.demo.data.opportunities=60"})
@ActiveProfiles("demo")
@Tag("demo-data")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataTests {

  private static final String PROJECT_SALES = "project-sales-funnel";
  private static final List<String> PROJECT_STAGES = List.of("TARGET", "DISCOVER", "CONFIRM_INTENT", "INITIATE_PROJECT",
      "WIN_RECOGNITION", "NEGOTIATE", "CLOSE");

  @LocalServerPort int port;
  @Autowired DemoData demoData;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService tasks;
  @Autowired Clock clock;
  @Autowired ProcessEngineConfigurationImpl engine;
  DemoDataReport report;

  @BeforeAll
  void waitForTheGeneration() throws Exception {
    report = demoData.done().get(5, TimeUnit.MINUTES);
  }

  @Test
  void shouldPlayEveryStepOfSixtyOpportunitiesOfBothProcessesWithoutAFailure() {
    assertThat(report.skipped()).isFalse();
    assertThat(report.failedSteps()).isZero();
    assertThat(count("select count(*) from opportunity")).isEqualTo(60);
    assertThat(jdbc.queryForList("select distinct process_key from opportunity", String.class))
        .containsExactlyInAnyOrder(PROJECT_SALES, "classic-funnel");
    assertThat(count("select count(distinct owner) from opportunity")).isEqualTo(8);
    assertThat(count("select count(distinct org_unit) from opportunity")).isEqualTo(4);
  }

  @Test
  void shouldLeaveTheClockAtTheSystemTimeAndTheJobExecutorAsItWas() {
    Instant system = Instant.now();
    assertThat(Duration.between(system, ClockUtil.now().toInstant()).abs()).isLessThan(Duration.ofSeconds(5));
    assertThat(Duration.between(system, clock.instant()).abs()).isLessThan(Duration.ofSeconds(5));
    if (engine.isJobExecutorActivate()) {
      assertThat(engine.getJobExecutor().isActive()).isTrue();
    }
  }

  @Test
  void shouldServeOnceTheGenerationHasEnded() {
    ApiClient.Response r = ApiClient.as(port, "manager1").get("/api/funnel?process=" + PROJECT_SALES);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(demoData.done()).isCompleted();
  }

  @Test
  void shouldEndSomeAsWonSomeAsLostAndLeaveSomeOpen() {
    assertThat(count("select count(*) from opportunity where status = 'WON'")).isPositive().isEqualTo(report.won());
    assertThat(count("select count(*) from opportunity where status = 'LOST'")).isGreaterThan(report.won())
        .isEqualTo(report.lost());
    assertThat(count("select count(*) from opportunity where status = 'OPEN'")).isPositive();
  }

  @Test
  void shouldSpreadTheHistoryOverTheLastYear() {
    assertThat(count("select count(*) from stage_interval where entered_at < ?", LocalDate.now().minusMonths(6)))
        .isPositive();
    assertThat(count("select count(*) from stage_interval where entered_at < ?", LocalDate.now().minusMonths(13)))
        .isZero();
  }

  @Test
  void shouldHaveExceptionsTheManagersApprovedAndRejected() {
    assertThat(count("select count(*) from gate_exception where status = 'APPROVED'")).isPositive();
    assertThat(count("select count(*) from gate_exception where status = 'REJECTED'")).isPositive();
    JsonNode approved = get("manager1", "/api/compliance/exceptions?from=" + LocalDate.now().minusYears(1));
    assertThat(approved.toString()).contains("manager1");
  }

  @Test
  void shouldLeaveStalledOpportunitiesWithAReviewTaskForTheirManager() {
    assertThat(report.stalledTimers()).isPositive();
    assertThat(tasks.createTaskQuery().taskDefinitionKeyLike("%_ReviewStalled").count()).isPositive();
  }

  @Test
  void shouldReportExactlyTheOneBypassAsAComplianceViolation() {
    JsonNode list = get("ops1", "/api/compliance/violations?from=" + LocalDate.now().minusYears(1)
        + "&to=" + LocalDate.now().plusDays(1));
    assertThat(list.path("count").asLong()).as(list.toString()).isEqualTo(1);
    assertThat(list.path("violations").get(0).path("stage").asText()).isEqualTo("NEGOTIATE");
    assertThat(list.path("violations").get(0).path("operation").path("userId").asText()).isEqualTo("admin");
  }

  @Test
  void shouldShowALivingFunnelToTheManagerAndToSalesOps() {
    for (String user : List.of("ops1", "manager1")) {
      JsonNode group = get(user, "/api/funnel?process=" + PROJECT_SALES + "&from=" + LocalDate.now().minusYears(1)
          + "&to=" + LocalDate.now().plusDays(1)).path("groups").get(0);
      List<String> entered = new ArrayList<>();
      group.path("stages").forEach(s -> {
        if (s.path("entered").asLong() > 0) {
          entered.add(s.path("stage").asText());
        }
      });
      assertThat(entered).as(user + ": " + group).containsExactlyElementsOf(PROJECT_STAGES);
      JsonNode first = group.path("stages").get(0);
      assertThat(first.path("advanced").asLong()).as(user).isPositive();
      assertThat(first.path("lost").asLong()).as(user).isPositive();
      assertThat(first.path("avgDwellDays").decimalValue()).as(user).isPositive();
      assertThat(group.path("won").asLong()).as(user).isPositive();
    }
  }

  private JsonNode get(String user, String path) {
    ApiClient.Response r = ApiClient.as(port, user).get(path);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  private long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }
}

package io.oppflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.oppflow.OppflowApplication;
import io.oppflow.gate.internal.RuleFiles;
import io.oppflow.support.ApiClient;
import io.oppflow.support.ConcurrentAdvances;
import io.oppflow.support.Opportunities;
import io.oppflow.support.PostgresServiceTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Camunda's cluster mode: two oppflow nodes on one PostgreSQL, the job executor on in both, nothing else
 * shared. Each node is a whole application context with its own web server, engine, job executor and rule
 * cache, as two containers of {@code docker-compose.yml} would be.
 *
 * <p>Both nodes live in this one JVM, where Camunda keeps a static registry of engines by name (the REST API
 * and the webapps look the engine up there). So node B's engine is named {@code nodeB}, and node A keeps the
 * name {@code default} that {@code /engine-rest/...} resolves: node A's REST door reaches node A's engine.
 * Node B is only used through {@code /api} and its own beans. In production every node is its own JVM and all
 * are named {@code default}. Each node sets its {@code hostname}, which Camunda writes into the job log, so the
 * job log says which node ran a job.
 *
 * <p>The methods run in order; the last stops node A.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesOnOnePostgresIT {

  /** How long an acquired job stays locked to its node; small so that a stopped node's lock expires soon. */
  private static final int LOCK_TIME_MILLIS = 4000;

  private static final String REGION_WARNING = io.oppflow.support.RuleFixtures.REGION_WARNING;

  private EmbeddedPostgres postgres;
  private JdbcTemplate db;
  private Map<String, ProcessEngine> enginesBefore;
  private ConfigurableApplicationContext nodeA;
  private ConfigurableApplicationContext nodeB;
  private int portA;
  private int portB;
  private final long started = System.nanoTime();

  @BeforeAll
  void startTwoNodesOnOneDatabase() throws Exception {
    enginesBefore = Map.copyOf(ProcessEngines.getProcessEngines());
    postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
    db = new JdbcTemplate(postgres.getPostgresDatabase());
    // One after the other, as docker-compose.yml starts them: the first node creates the schema.
    nodeA = startNode("default", "node-a");
    nodeB = startNode("nodeB", "node-b");
    portA = port(nodeA);
    portB = port(nodeB);
    assertThat(ProcessEngines.getDefaultProcessEngine()).as("what /engine-rest resolves").isSameAs(nodeA.getBean(ProcessEngine.class));
    assertThat(nodeB.getBean(ProcessEngine.class).getName()).isEqualTo("nodeB");
    assertThat(List.of(nodeA, nodeB)).as("job executors running").allSatisfy(node ->
        assertThat(configuration(node).getJobExecutor().isActive()).isTrue());
    System.out.printf("[cluster] two nodes up in %d s: A on port %d, B on port %d, one PostgreSQL on port %d%n",
        secondsSince(started), portA, portB, postgres.getPort());
  }

  private ConfigurableApplicationContext startNode(String engineName, String hostname) {
    // Command-line arguments, so they win over application-postgres.yml's environment placeholders.
    return new SpringApplicationBuilder(OppflowApplication.class)
        .profiles("postgres", "demo")
        .run("--server.port=0",
            "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=postgres",
            "--spring.datasource.hikari.maximum-pool-size=8",
            "--spring.datasource.hikari.data-source-properties.ApplicationName=oppflow-" + hostname,
            "--oppflow.admin.password=" + PostgresServiceTest.ADMIN_PASSWORD,
            "--camunda.bpm.process-engine-name=" + engineName,
            "--camunda.bpm.generic-properties.properties.hostname=" + hostname,
            "--camunda.bpm.job-execution.enabled=true",
            "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME_MILLIS,
            // look for due jobs at least every second, so the test need not wait for the idle back-off (60 s)
            "--camunda.bpm.job-execution.wait-time-in-millis=500",
            "--camunda.bpm.job-execution.max-wait=1000");
  }

  @AfterAll
  void stopBothNodesAndTheDatabase() throws Exception {
    try {
      for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeB, nodeA}) {
        if (node != null && node.isActive()) {
          node.close();
        }
      }
    } finally {
      if (postgres != null) {
        postgres.close();
      }
      // Give back the engines other test contexts of this JVM had registered under the same names.
      enginesBefore.values().forEach(ProcessEngines::registerProcessEngine);
      System.out.printf("[cluster] whole test %d s%n", secondsSince(started));
    }
  }

  @Test
  @Order(1)
  void shouldLetEitherNodeCarryTheSameOpportunityForwardThroughAnyDoor() {
    String code = Opportunities.freshCode("CLUSTER");
    ApiClient repOnA = ApiClient.as(portA, "rep1");
    ApiClient repOnB = ApiClient.as(portB, "rep1");

    ApiClient.Response opened = repOnA.post("/api/opportunities", Opportunities.qualified(code).toString());
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);

    ApiClient.Response advanced = repOnB.post("/api/opportunities/" + code + "/advance", null);
    assertThat(advanced.status()).as(advanced.toString()).isEqualTo(200);
    assertThat(advanced.json().path("verdict").asText()).isEqualTo("PASSED");
    assertThat(advanced.json().path("stage").asText()).isEqualTo("DISCOVER");

    JsonNode tasks = repOnA.get("/engine-rest/task?processInstanceBusinessKey=" + code).json();
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).path("taskDefinitionKey").asText()).isEqualTo("Task_DISCOVER");
    ApiClient.Response completed = repOnA.post("/engine-rest/task/" + tasks.get(0).path("id").asText() + "/complete", "{}");
    assertThat(completed.status()).as(completed.toString()).isEqualTo(204);

    assertThat(repOnB.get("/api/opportunities/" + code).json().path("stage").asText()).isEqualTo("CONFIRM_INTENT");
    JsonNode records = repOnB.get("/api/opportunities/" + code + "/gate-records").json();
    assertThat(records).hasSize(2);
    assertThat(List.of(records.get(0).path("stage").asText(), records.get(1).path("stage").asText()))
        .containsExactly("TARGET", "DISCOVER");
    assertThat(List.of(records.get(0).path("verdict").asText(), records.get(1).path("verdict").asText()))
        .containsExactly("PASSED", "PASSED");
    System.out.printf("[cluster] %s opened on A (/api), TARGET gate passed on B (/api advance, record %d),"
            + " DISCOVER task completed on A (/engine-rest, record %d), read back on B: stage CONFIRM_INTENT%n",
        code, records.get(0).path("id").asLong(), records.get(1).path("id").asLong());
  }

  @Test
  @Order(2)
  void shouldFireADueDwellTimerExactlyOnceAcrossBothNodes() {
    String code = open(portA, Opportunities.minimal(Opportunities.freshCode("DWELL")));
    String instance = instanceOf(code);
    Job timer = dwellTimer(nodeB, instance);

    management(nodeA).setJobDuedate(timer.getId(), Date.from(Instant.now().minusSeconds(1)));

    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .until(() -> management(nodeB).createJobQuery().jobId(timer.getId()).count() == 0);
    List<HistoricJobLog> successes = history(nodeB).createHistoricJobLogQuery().jobId(timer.getId()).successLog().list();
    long failures = history(nodeB).createHistoricJobLogQuery().jobId(timer.getId()).failureLog().count();
    long reviews = reviewTasks(instance);
    assertThat(successes).as("the timer job ran once").hasSize(1);
    assertThat(failures).isZero();
    assertThat(reviews).as("review tasks").isEqualTo(1);
    assertThat(successes.get(0).getHostname()).isIn("node-a", "node-b");
    System.out.printf("[cluster] dwell timer of %s: job runs succeeded 1 (on %s), failed %d, review tasks %d%n",
        code, successes.get(0).getHostname(), failures, reviews);
  }

  @Test
  @Order(3)
  void shouldUseOnNodeBTheRuleVersionActivatedOnNodeAWithinSeconds() {
    ApiClient opsOnA = ApiClient.as(portA, "ops1");
    String original = opsOnA.get("/api/rules").json().path("active").asText();
    Map<String, byte[]> files = new TreeMap<>(RuleFiles.read(Path.of("rules")).all());
    files.put("projectsales/target_region.drl", REGION_WARNING.getBytes(StandardCharsets.UTF_8));
    String code = open(portB, Opportunities.minimal(Opportunities.freshCode("FOLLOW")).put("region", "Atlantis"));
    assertThat(advanceOnB(code).path("rulesVersion").asText()).isEqualTo(original);

    ApiClient.Response uploaded = opsOnA.postFiles("/api/rules", "files", files);
    Instant activated = Instant.now();
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
    String version = uploaded.json().path("version").asText();
    assertThat(uploaded.json().path("active").asBoolean()).isTrue();

    Duration followed = untilNodeBGatesWith(code, version, activated);
    assertThat(advanceOnB(code).path("warnings").findValuesAsText("code")).contains("TARGET-90");

    ApiClient.Response rolledBack = opsOnA.post("/api/rules/" + original + "/activate", null);
    Instant rolledBackAt = Instant.now();
    assertThat(rolledBack.status()).as(rolledBack.toString()).isEqualTo(200);
    Duration followedBack = untilNodeBGatesWith(code, original, rolledBackAt);
    System.out.printf("[cluster] rules %s activated on A, first gate on B with it after %d ms; roll back to %s"
        + " followed after %d ms (refresh interval %s)%n", version, followed.toMillis(), original, followedBack.toMillis(),
        nodeB.getEnvironment().getProperty("oppflow.rules.refresh-interval"));
  }

  /**
   * Advances {@code code} on node B (its TARGET gate fails, so it stays) until the record names {@code version}.
   * How long that takes is printed, not asserted (no timings in tests): node B checks every second
   * ({@code oppflow.rules.refresh-interval}) and then compiles the set, which on an idle machine takes a second or
   * two, and several times that on a loaded one.
   */
  private Duration untilNodeBGatesWith(String code, String version, Instant since) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
        .until(() -> advanceOnB(code).path("rulesVersion").asText().equals(version));
    return Duration.between(since, Instant.now());
  }

  private JsonNode advanceOnB(String code) {
    ApiClient.Response r = ApiClient.as(portB, "rep1").post("/api/opportunities/" + code + "/advance", null);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().path("verdict").asText()).isEqualTo("FAILED");
    return r.json();
  }

  @Test
  @Order(4)
  void shouldKeepOneValidGateLogChainWhenBothNodesAppendAtTheSameTime() throws Exception {
    int perNode = 6;
    List<String> onA = new ArrayList<>();
    List<String> onB = new ArrayList<>();
    for (int i = 0; i < perNode; i++) {
      onA.add(open(portA, Opportunities.qualified(Opportunities.freshCode("CHAINA"))));
      onB.add(open(portB, Opportunities.qualified(Opportunities.freshCode("CHAINB"))));
    }
    long before = gateRecords();
    CountDownLatch go = new CountDownLatch(1);
    List<Callable<Integer>> work = new ArrayList<>();
    onA.forEach(code -> work.add(() -> advanceThreeTimes(portA, code, go)));
    onB.forEach(code -> work.add(() -> advanceThreeTimes(portB, code, go)));
    ExecutorService pool = Executors.newFixedThreadPool(work.size());
    List<Future<Integer>> results;
    try {
      results = work.stream().map(pool::submit).toList();
      go.countDown();
      int byA = 0;
      int byB = 0;
      for (int i = 0; i < results.size(); i++) {
        int n = results.get(i).get();
        if (i < perNode) {
          byA += n;
        } else {
          byB += n;
        }
      }
      assertThat(byA).isEqualTo(3 * perNode);
      assertThat(byB).isEqualTo(3 * perNode);

      long total = gateRecords();
      assertThat(total - before).isEqualTo(byA + byB);
      JsonNode onNodeA = ApiClient.as(portA, "ops1").get("/api/audit/verify").json();
      JsonNode onNodeB = ApiClient.as(portB, "manager1").get("/api/audit/verify").json();
      for (JsonNode verification : List.of(onNodeA, onNodeB)) {
        assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.path("checked").asLong()).isEqualTo(total);
      }
      assertThat(onNodeB.path("lastHash").asText()).isEqualTo(onNodeA.path("lastHash").asText());
      assertThat(db.queryForObject("select max(seq) from gate_record", Long.class)).isEqualTo(total);
      assertThat(db.queryForObject("select count(distinct seq) from gate_record", Long.class)).isEqualTo(total);
      System.out.printf("[cluster] gate log: %d records appended at once (%d through A, %d through B) on top of %d;"
          + " verify on A and on B: valid, checked %d, seq 1..%d without gaps%n", byA + byB, byA, byB, before, total, total);
    } finally {
      pool.shutdownNow();
    }
  }

  private static int advanceThreeTimes(int port, String code, CountDownLatch go) throws InterruptedException {
    go.await();
    return ConcurrentAdvances.advanceThreeTimes(ApiClient.as(port, "rep1"), code);
  }

  @Test
  @Order(5)
  void shouldRunOnNodeBOnceAJobThatNodeAHadTakenWhenNodeAStopped() {
    String code = open(portB, Opportunities.minimal(Opportunities.freshCode("FAILOVER")));
    String instance = instanceOf(code);
    String timerId = dwellTimer(nodeB, instance).getId();
    JobExecutor executorA = configuration(nodeA).getJobExecutor();
    assertThat(executorA.getLockTimeInMillis()).isEqualTo(LOCK_TIME_MILLIS);

    // What node A's job acquisition writes when it takes a due job, done in one transaction with making it due,
    // so node B cannot take it first. A node that stops (or dies) before the job's transaction commits leaves
    // exactly this behind: the job, locked to it until the lock expires.
    configuration(nodeA).getCommandExecutorTxRequired().execute(context -> {
      JobEntity job = context.getJobManager().findJobById(timerId);
      Date now = new Date();
      job.setDuedate(new Date(now.getTime() - 1000));
      job.setLockOwner(executorA.getLockOwner());
      job.setLockExpirationTime(new Date(now.getTime() + executorA.getLockTimeInMillis()));
      return null;
    });
    Instant locked = Instant.now();
    assertThat(db.queryForObject("select lock_owner_ from act_ru_job where id_ = ?", String.class, timerId))
        .isEqualTo(executorA.getLockOwner());
    Instant lockExpires = db.queryForObject("select lock_exp_time_ from act_ru_job where id_ = ?", java.sql.Timestamp.class,
        timerId).toInstant();

    nodeA.close();
    Instant stopped = Instant.now();

    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .until(() -> management(nodeB).createJobQuery().jobId(timerId).count() == 0);
    Instant ran = Instant.now();
    List<HistoricJobLog> successes = history(nodeB).createHistoricJobLogQuery().jobId(timerId).successLog().list();
    assertThat(successes).hasSize(1);
    assertThat(successes.get(0).getHostname()).isEqualTo("node-b");
    assertThat(history(nodeB).createHistoricJobLogQuery().jobId(timerId).failureLog().count()).isZero();
    assertThat(reviewTasks(instance)).as("review tasks").isEqualTo(1);
    assertThat(successes.get(0).getTimestamp().toInstant()).as("B waited for A's lock to expire").isAfterOrEqualTo(lockExpires);

    JsonNode verification = ApiClient.as(portB, "ops1").get("/api/audit/verify").json();
    assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isTrue();
    assertThat(verification.path("checked").asLong()).isEqualTo(gateRecords());
    System.out.printf("[cluster] job of %s locked by A (lock %d ms), A stopped %d ms after; B ran it %d ms after the"
            + " lock was taken: runs succeeded 1 (on %s), review tasks %d; chain on B still valid, %d records%n",
        code, LOCK_TIME_MILLIS, Duration.between(locked, stopped).toMillis(), Duration.between(locked, ran).toMillis(),
        successes.get(0).getHostname(), reviewTasks(instance), verification.path("checked").asLong());
  }

  private String open(int port, com.fasterxml.jackson.databind.node.ObjectNode body) {
    ApiClient.Response r = ApiClient.as(port, "rep1").post("/api/opportunities", body.toString());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().path("code").asText();
  }

  private String instanceOf(String code) {
    return ApiClient.as(portB, "rep1").get("/api/opportunities/" + code).json().path("processInstanceId").asText();
  }

  private Job dwellTimer(ConfigurableApplicationContext node, String instance) {
    Job job = management(node).createJobQuery().processInstanceId(instance).timers().activityId("Timer_TARGET_Stalled")
        .singleResult();
    assertThat(job).as("the TARGET dwell-limit timer").isNotNull();
    return job;
  }

  private long reviewTasks(String instance) {
    return db.queryForObject("select count(*) from act_ru_task where proc_inst_id_ = ? and task_def_key_ = ?", Long.class,
        instance, "Task_TARGET_ReviewStalled");
  }

  private long gateRecords() {
    return db.queryForObject("select count(*) from gate_record", Long.class);
  }

  private static ManagementService management(ConfigurableApplicationContext node) {
    return node.getBean(ManagementService.class);
  }

  private static HistoryService history(ConfigurableApplicationContext node) {
    return node.getBean(HistoryService.class);
  }

  private static ProcessEngineConfigurationImpl configuration(ConfigurableApplicationContext node) {
    return (ProcessEngineConfigurationImpl) node.getBean(ProcessEngine.class).getProcessEngineConfiguration();
  }

  private static int port(ConfigurableApplicationContext node) {
    return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
  }

  private static long secondsSince(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos).toSeconds();
  }
}

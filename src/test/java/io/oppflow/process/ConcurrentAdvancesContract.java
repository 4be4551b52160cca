package io.oppflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.oppflow.support.ApiClient;
import io.oppflow.support.Opportunities;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Advances that arrive together: duplicates of one request move the opportunity once, and independent
 * opportunities all move, with the gate log one valid chain. Run on PostgreSQL, the production database.
 */
abstract class ConcurrentAdvancesContract {

  static final int CLIENTS = 32;

  @LocalServerPort int port;
  @Autowired TaskService tasks;

  ApiClient rep() { return ApiClient.as(port, "rep1"); }

  String openQualified(String prefix) {
    String code = Opportunities.freshCode(prefix);
    ApiClient.Response r = rep().post("/api/opportunities", Opportunities.qualified(code).toString());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return code;
  }

  /** Sends {@code CLIENTS} requests at once (each thread waits at one gate) and counts the statuses. */
  Map<Integer, Integer> together(Function<Integer, ApiClient.Response> request) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<ApiClient.Response>> answers = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        int n = i;
        Callable<ApiClient.Response> call = () -> {
          start.await();
          return request.apply(n);
        };
        answers.add(pool.submit(call));
      }
      start.countDown();
      Map<Integer, Integer> statuses = new TreeMap<>();
      for (Future<ApiClient.Response> answer : answers) {
        ApiClient.Response r = answer.get();
        assertThat(r.body()).doesNotContain("Exception:").doesNotContain("at org.");
        statuses.merge(r.status(), 1, Integer::sum);
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldMoveAnOpportunityOnceWhenDuplicateAdvancesNamingItsStageArriveTogether() throws Exception {
    String code = openQualified("DUP");

    Map<Integer, Integer> statuses = together(i ->
        rep().post("/api/opportunities/" + code + "/advance", "{\"expectedStage\": \"TARGET\"}"));

    System.out.printf("[concurrency] %d duplicate advances with expectedStage of one opportunity: %s%n", CLIENTS, statuses);
    assertThat(statuses).containsOnlyKeys(200, 409).containsEntry(200, 1);
    assertThat(rep().get("/api/opportunities/" + code).json().path("stage").asText()).isEqualTo("DISCOVER");
    assertThat(rep().get("/api/opportunities/" + code + "/gate-records").json().findValuesAsText("verdict"))
        .containsExactly("PASSED");
  }

  @Test
  void shouldMoveAnOpportunityOnceWhenDuplicateAdvancesWithItsETagArriveTogether() throws Exception {
    String code = openQualified("ETAG");
    String etag = rep().get("/api/opportunities/" + code).etag();

    Map<Integer, Integer> statuses = together(i ->
        rep().post("/api/opportunities/" + code + "/advance", null, "If-Match", etag));

    System.out.printf("[concurrency] %d duplicate advances with If-Match of one opportunity: %s%n", CLIENTS, statuses);
    assertThat(statuses).containsOnlyKeys(200, 412).containsEntry(200, 1);
    assertThat(rep().get("/api/opportunities/" + code).json().path("stage").asText()).isEqualTo("DISCOVER");
  }

  @Test
  void shouldLoseAnOpportunityOnceWhenDuplicateLossesArriveTogether() throws Exception {
    String code = openQualified("LOSE");

    Map<Integer, Integer> statuses = together(i -> rep().post("/api/opportunities/" + code + "/lose",
        "{\"reason\": \"CUSTOMER_STOPPED\", \"expectedStage\": \"TARGET\"}"));

    System.out.printf("[concurrency] %d duplicate losses of one opportunity: %s%n", CLIENTS, statuses);
    assertThat(statuses).containsOnlyKeys(200, 409).containsEntry(200, 1);
    assertThat(rep().get("/api/opportunities/" + code).json().path("status").asText()).isEqualTo("LOST");
  }

  @Test
  void shouldCompleteAStageTaskOnceWhenTasklistSubmitsItTwice() throws Exception {
    String code = openQualified("DOUBLE");
    String task = tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult().getId();

    Map<Integer, Integer> statuses = together(i -> rep().post("/engine-rest/task/" + task + "/submit-form",
        "{\"variables\": {\"stageAction\": {\"value\": \"ADVANCE\"}}}"));

    System.out.printf("[concurrency] %d submits of one Tasklist form: %s%n", CLIENTS, statuses);
    assertThat(statuses).containsEntry(204, 1);
    assertThat(statuses.keySet()).allMatch(s -> s == 204 || s >= 400 && s < 500);
    assertThat(rep().get("/api/opportunities/" + code).json().path("stage").asText()).isEqualTo("DISCOVER");
    assertThat(rep().get("/api/opportunities/" + code + "/gate-records").json().size()).isEqualTo(1);
  }

  @Test
  void shouldMoveEveryOpportunityWhenManyAreAdvancedTogether() throws Exception {
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      codes.add(openQualified("MANY"));
    }

    Map<Integer, Integer> statuses = together(i ->
        rep().post("/api/opportunities/" + codes.get(i) + "/advance", "{\"expectedStage\": \"TARGET\"}"));

    System.out.printf("[concurrency] %d advances of %d opportunities: %s%n", CLIENTS, CLIENTS, statuses);
    assertThat(statuses).containsExactly(Map.entry(200, CLIENTS));
    for (String code : codes) {
      assertThat(rep().get("/api/opportunities/" + code).json().path("stage").asText()).as(code).isEqualTo("DISCOVER");
    }
    ApiClient.Response chain = ApiClient.as(port, "ops1").get("/api/audit/verify");
    assertThat(chain.json().path("valid").asBoolean()).as(chain.toString()).isTrue();
  }
}

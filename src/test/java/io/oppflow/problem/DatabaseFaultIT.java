package io.oppflow.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.oppflow.support.ApiClient;
import io.oppflow.support.Opportunities;
import io.oppflow.support.PostgresServiceTest;
import io.oppflow.support.TestPostgresConfiguration.PostgresServer;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * PostgreSQL drops every connection of the service a few times while sales reps advance opportunities:
 * each acknowledged advance is kept (stage and gate record), nothing is half-written, every failure is a
 * 503 with {@code Retry-After}, and the service recovers by itself.
 */
@PostgresServiceTest
class DatabaseFaultIT {

  private static final int OPPORTUNITIES = 50;
  private static final int ADVANCES_EACH = 2;
  private static final int THREADS = 3;
  private static final int KILLS = 4;

  @LocalServerPort int port;
  @Autowired PostgresServer server;

  @Test
  void shouldKeepEveryAcknowledgedAdvanceAndAnswer503WhileTheDatabaseDropsConnections() throws Exception {
    List<String> codes = new ArrayList<>();
    Map<String, String> initialStage = new HashMap<>();
    for (int i = 0; i < OPPORTUNITIES; i++) {
      String code = Opportunities.freshCode("FAULT");
      ApiClient.Response opened = ApiClient.as(port, "rep1").post("/api/opportunities", Opportunities.qualified(code).toString());
      assertThat(opened.status()).as("open %s: %s", code, opened).isEqualTo(201);
      codes.add(code);
      initialStage.put(code, opened.json().path("stage").asText());
    }

    RawHttp rep = new RawHttp(port, "rep1", "demo");
    ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(codes);
    Map<String, List<JsonNode>> acknowledged = new ConcurrentHashMap<>();
    Map<String, String> next = new ConcurrentHashMap<>();
    AtomicInteger sent = new AtomicInteger();
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger unavailable = new AtomicInteger();
    List<String> other = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
    List<Future<?>> reps = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      reps.add(pool.submit(() -> {
        for (String code = queue.poll(); code != null; code = queue.poll()) {
          for (int a = 0; a < ADVANCES_EACH; a++) {
            sent.incrementAndGet();
            HttpResponse<String> r = rep.send("POST", "/api/opportunities/" + code + "/advance", "application/json", new byte[0]);
            JsonNode body = new ApiClient.Response(r.statusCode(), r.body(), List.of(), "").json();
            if (r.statusCode() == 200 && "PASSED".equals(body.path("verdict").asText())) {
              ok.incrementAndGet();
              acknowledged.computeIfAbsent(code, c -> Collections.synchronizedList(new ArrayList<>())).add(body);
              next.put(body.path("gateStage").asText(), body.path("stage").asText());
            } else if (r.statusCode() == 503 && r.headers().firstValue("Retry-After").isPresent()
                && !ClientErrorTests.INTERNALS.matcher(r.body()).find()) {
              unavailable.incrementAndGet();
            } else {
              other.add(code + " -> " + r.statusCode() + " " + r.body());
            }
          }
        }
        return null;
      }));
    }
    Future<Integer> killer = pool.submit(() -> {
      int terminated = 0;
      for (int k = 0; k < KILLS; k++) {
        Thread.sleep(700); // the fault schedule (a kill every 0.7 s while the reps advance), not a wait for a condition
        terminated += terminateServiceConnections();
      }
      return terminated;
    });
    for (Future<?> f : reps) {
      f.get(5, TimeUnit.MINUTES);
    }
    int terminated = killer.get(1, TimeUnit.MINUTES);
    pool.shutdown();

    // The service recovers by itself: the next requests succeed without a restart.
    AtomicInteger polls = new AtomicInteger();
    await("the service to answer again without a restart").atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(500)).until(() -> {
          polls.incrementAndGet();
          return ApiClient.as(port, "rep1").get("/api/opportunities?size=1").status() == 200;
        });
    int recoveredAfter = polls.get() - 1;

    int halfWritten = 0;
    int kept = 0;
    for (String code : codes) {
      List<JsonNode> passed = new ArrayList<>();
      for (JsonNode record : ApiClient.as(port, "rep1").get("/api/opportunities/" + code + "/gate-records").json()) {
        if ("PASSED".equals(record.path("verdict").asText())) {
          passed.add(record);
        }
      }
      String stage = ApiClient.as(port, "rep1").get("/api/opportunities/" + code).json().path("stage").asText();
      // every stage change has its passed gate record and every passed record its stage change, in order
      String expected = initialStage.get(code);
      boolean consistent = true;
      for (JsonNode record : passed) {
        consistent &= record.path("stage").asText().equals(expected);
        expected = next.getOrDefault(expected, "?" + expected);
      }
      consistent &= stage.equals(expected);
      halfWritten += consistent ? 0 : 1;
      for (JsonNode ack : acknowledged.getOrDefault(code, List.of())) {
        boolean found = passed.stream().anyMatch(r -> r.path("id").asLong() == ack.path("gateRecordId").asLong());
        kept += found ? 1 : 0;
        assertThat(found).as("acknowledged advance of %s (gate record %s) is kept", code, ack.path("gateRecordId")).isTrue();
      }
      assertThat(consistent).as("%s: stage %s, passed gate records %s", code, stage,
          passed.stream().map(r -> r.path("stage").asText()).toList()).isTrue();
    }
    JsonNode verify = ApiClient.as(port, "ops1").get("/api/audit/verify").json();

    System.out.printf("database fault test (PostgreSQL): %d connection kills (%d backends terminated); advances sent %d, "
        + "2xx %d, 503 %d, other %d; acknowledged and kept %d; half-written %d; recovered after %d polls; audit chain valid %s%n",
        KILLS, terminated, sent.get(), ok.get(), unavailable.get(), other.size(), kept, halfWritten, recoveredAfter,
        verify.path("valid").asText());
    other.forEach(o -> System.out.println("  OTHER " + o.substring(0, Math.min(300, o.length()))));
    assertThat(other).as("answers that are neither 2xx nor 503 with Retry-After").isEmpty();
    assertThat(kept).isEqualTo(ok.get());
    assertThat(halfWritten).isZero();
    assertThat(verify.path("valid").asBoolean()).as("GET /api/audit/verify: %s", verify).isTrue();
    assertThat(terminated).as("the test did drop connections").isPositive();
  }

  private int terminateServiceConnections() throws Exception {
    String url = server.embedded() != null ? server.embedded().getJdbcUrl("postgres", "postgres") : System.getenv("OPPFLOW_TEST_PG_URL");
    String user = server.embedded() != null ? "postgres" : System.getenv().getOrDefault("OPPFLOW_TEST_PG_USER", "postgres");
    String password = server.embedded() != null ? "postgres" : System.getenv().getOrDefault("OPPFLOW_TEST_PG_PASSWORD", "");
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
            + "WHERE pid <> pg_backend_pid() AND datname = current_database()")) {
      return r.next() ? r.getInt(1) : 0;
    }
  }
}

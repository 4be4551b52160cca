package io.oppflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Clients advancing opportunities at the same time through the real API: each client opens its own qualified
 * opportunities and advances each three times (TARGET passes, DISCOVER passes, CONFIRM_INTENT fails: three gate
 * records), all clients starting together.
 */
public final class ConcurrentAdvances {

  private ConcurrentAdvances() {}

  /** TARGET passes, DISCOVER passes, CONFIRM_INTENT fails (the qualified example has no budget yet): 3 records. */
  public static int advanceThreeTimes(ApiClient rep, String code) {
    List<String> verdicts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ApiClient.Response r = rep.post("/api/opportunities/" + code + "/advance", null);
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
      verdicts.add(r.json().path("verdict").asText());
    }
    assertThat(verdicts).containsExactly("PASSED", "PASSED", "FAILED");
    return verdicts.size();
  }

  /** Runs {@code clients} × {@code opportunitiesEach} opportunities × 3 advances; returns the codes advanced. */
  public static List<String> run(int port, int clients, int opportunitiesEach) throws Exception {
    List<List<String>> perClient = new ArrayList<>();
    ApiClient rep = ApiClient.as(port, "rep1");
    for (int c = 0; c < clients; c++) {
      List<String> codes = new ArrayList<>();
      for (int i = 0; i < opportunitiesEach; i++) {
        String code = Opportunities.freshCode("SEAL");
        ApiClient.Response opened = rep.post("/api/opportunities", Opportunities.qualified(code).toString());
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        codes.add(code);
      }
      perClient.add(codes);
    }
    CountDownLatch go = new CountDownLatch(1);
    List<Callable<Void>> work = new ArrayList<>();
    perClient.forEach(codes -> work.add(() -> {
      go.await();
      for (String code : codes) {
        advanceThreeTimes(rep, code);
      }
      return null;
    }));
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<Void>> done = work.stream().map(pool::submit).toList();
      go.countDown();
      for (Future<Void> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return perClient.stream().flatMap(List::stream).toList();
  }
}

package io.oppflow.gate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.oppflow.gate.ChainVerification;
import io.oppflow.gate.GateLogVerifier;
import io.oppflow.gate.GateVerdict;
import io.oppflow.gate.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sealers that race on purpose, as the sealers of several nodes do: each is its own {@link GateLogSealer} with its
 * own transactions and connections, and they are let go at the same moment on the same committed, unsealed records
 * (stored as {@link GateLog} stores them, in one transaction, without asking for a seal). However the passes
 * interleave, every record is sealed exactly once, seq runs 1..n without gap or duplicate, each record follows the
 * one before it, verify finds the chain intact, and what the sealers report sealing adds up to what was pending.
 *
 * <p>The service's own sealer (its sweep) is one more racer: what it sealed meanwhile is read from its metric.
 */
abstract class GateLogSealersContract {

  /** More than one pass's batch, so that sealers lose and win passes while they work through it. */
  static final int BACKLOG = 3 * GateLogSealer.BATCH + 50;
  static final int SEALERS = 4;
  static final int ROUNDS = 3;

  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired PlatformTransactionManager transactions;
  @Autowired GateRecordRepository records;
  @Autowired GateLogVerifier verifier;
  @Autowired MeterRegistry metrics;

  @Test
  void shouldSealABacklogExactlyOnceIntoOneChainWhenSeveralSealersRaceForItAgainAndAgain() throws Exception {
    for (int round = 1; round <= ROUNDS; round++) {
      double serviceBefore = sealedByTheService();
      List<Long> ids = commitUnsealed("RACE" + round, BACKLOG);
      assertThat(unsealed(ids)).as("pending before the race").isEqualTo(BACKLOG);

      List<Integer> counts = raceToSeal(SEALERS);

      assertThat(unsealed(ids)).as("round %d: left unsealed", round).isZero();
      assertCountsAddUp(counts, serviceBefore, BACKLOG);
      assertOneIntactChain();
      System.out.printf("[sealers] round %d: %d records sealed by %d sealers let go at once: %s, the service's %.0f%n",
          round, BACKLOG, SEALERS, counts, sealedByTheService() - serviceBefore);
    }
  }

  @Test
  void shouldSealEveryRecordThatCommitsWhileSealersAreSealing() throws Exception {
    int writers = 2;
    int perWriter = 120;
    int sealers = 2;
    double serviceBefore = sealedByTheService();
    AtomicBoolean writing = new AtomicBoolean(true);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers + sealers);
    try {
      List<Future<List<Long>>> written = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        String prefix = "MEANWHILE" + w;
        written.add(pool.submit(() -> {
          go.await();
          List<Long> ids = new ArrayList<>();
          for (int i = 0; i < perWriter; i++) {
            ids.addAll(commitUnsealed(prefix + "-" + i, 1)); // one advance's transaction after the other
          }
          return ids;
        }));
      }
      List<Future<Integer>> sealing = new ArrayList<>();
      for (int s = 0; s < sealers; s++) {
        GateLogSealer sealer = anotherNodesSealer();
        sealing.add(pool.submit(() -> {
          go.await();
          int sealed = 0;
          while (writing.get()) {
            sealed += sealer.sealPending();
          }
          return sealed + sealer.sealPending(); // what committed after this sealer's last pass while writing
        }));
      }
      go.countDown();
      List<Long> ids = new ArrayList<>();
      try {
        for (Future<List<Long>> w : written) {
          ids.addAll(w.get(5, TimeUnit.MINUTES));
        }
      } finally {
        writing.set(false);
      }
      List<Integer> counts = results(sealing);

      assertThat(ids).hasSize(writers * perWriter);
      assertThat(unsealed(ids)).as("left unsealed").isZero();
      assertCountsAddUp(counts, serviceBefore, writers * perWriter);
      assertOneIntactChain();
      System.out.printf("[sealers] %d records committed one by one by %d writers while %d sealers sealed: %s, the service's %.0f%n",
          ids.size(), writers, sealers, counts, sealedByTheService() - serviceBefore);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Lets {@code n} sealers go at the same moment on what is pending; what each of them sealed. */
  private List<Integer> raceToSeal(int n) throws Exception {
    CountDownLatch ready = new CountDownLatch(n);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<Future<Integer>> sealing = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        GateLogSealer sealer = anotherNodesSealer();
        sealing.add(pool.submit(() -> {
          ready.countDown();
          go.await();
          return sealer.sealPending();
        }));
      }
      assertThat(ready.await(1, TimeUnit.MINUTES)).isTrue();
      go.countDown();
      return results(sealing);
    } finally {
      pool.shutdownNow();
    }
  }

  /** What each sealer returned; a sealer that failed fails the test with its exception. */
  private static List<Integer> results(List<Future<Integer>> sealing) throws Exception {
    List<Integer> counts = new ArrayList<>();
    for (Future<Integer> f : sealing) {
      try {
        counts.add(f.get(5, TimeUnit.MINUTES));
      } catch (ExecutionException e) {
        throw new AssertionError("a sealer failed while racing the others: " + e.getCause(), e.getCause());
      }
    }
    return counts;
  }

  /** A sealer as another node has it: its own instance, transactions and connections on the same database. */
  private GateLogSealer anotherNodesSealer() {
    return new GateLogSealer(new JdbcTemplate(dataSource), new DataSourceTransactionManager(dataSource),
        new SimpleMeterRegistry());
  }

  /** Stores {@code n} gate records in one committed transaction, as {@link GateLog#append} does, unsealed. */
  private List<Long> commitUnsealed(String prefix, int n) {
    return new TransactionTemplate(transactions).execute(status -> {
      List<Long> ids = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        ids.add(records.save(record(prefix + "-" + i, i)).getId());
      }
      return ids;
    });
  }

  private static GateRecord record(String code, int i) {
    Verdict verdict = i % 3 == 0 ? Verdict.FAILED : Verdict.PASSED;
    String failures = verdict == Verdict.FAILED ? "[{\"code\":\"TARGET-01\"}]" : "[]";
    return new GateRecord(code, i % 2 == 0 ? null : "instance-" + i,
        new GateVerdict("project-sales-funnel", i % 4 == 0 ? "DISCOVER" : "TARGET", verdict, List.of(), List.of(), "v-race"),
        failures, "[]", "{\"amount\":" + (1000 + i) + "}", "rep1", GateLog.timeOf(Instant.now()));
  }

  private long unsealed(List<Long> ids) {
    long n = 0;
    for (List<Long> chunk : chunks(ids)) {
      String in = String.join(",", chunk.stream().map(String::valueOf).toList());
      n += jdbc.queryForObject("select count(*) from gate_record where seq is null and id in (" + in + ")", Long.class);
    }
    return n;
  }

  private static List<List<Long>> chunks(List<Long> ids) {
    List<List<Long>> chunks = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += 500) {
      chunks.add(ids.subList(i, Math.min(ids.size(), i + 500)));
    }
    return chunks.isEmpty() ? Collections.emptyList() : chunks;
  }

  /** The sealers' counts and the service's own sealer's (its metric records a pass after its commit) make {@code n}. */
  private void assertCountsAddUp(List<Integer> counts, double serviceBefore, int n) {
    int bySealers = counts.stream().mapToInt(Integer::intValue).sum();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(bySealers + (long) (sealedByTheService() - serviceBefore))
            .as("sealed by the racing sealers %s and by the service's own sealer", counts).isEqualTo(n));
  }

  private double sealedByTheService() {
    return metrics.get("oppflow.audit.seal.records").summary().totalAmount();
  }

  /**
   * Nothing pending, seq 1..n once each, each record's previous hash the hash of the record before it, the head on
   * the last record, and verify, which recomputes every hash, finds the chain intact.
   */
  private void assertOneIntactChain() {
    assertThat(jdbc.queryForObject("select count(*) from gate_record where seq is null", Long.class))
        .as("records not sealed").isZero();
    Map<String, Object> seqs = jdbc.queryForMap("select count(*) as n, count(distinct seq) as d, min(seq) as lo,"
        + " max(seq) as hi from gate_record");
    long n = ((Number) seqs.get("n")).longValue();
    assertThat(((Number) seqs.get("d")).longValue()).as("distinct seqs").isEqualTo(n);
    assertThat(((Number) seqs.get("lo")).longValue()).as("first seq").isEqualTo(1);
    assertThat(((Number) seqs.get("hi")).longValue()).as("last seq: 1..n without gaps").isEqualTo(n);
    assertThat(jdbc.queryForObject("select count(*) from gate_record r join gate_record p on p.seq = r.seq - 1"
        + " where r.prev_hash <> p.hash", Long.class)).as("records not following the one before them").isZero();
    assertThat(jdbc.queryForObject("select prev_hash from gate_record where seq = 1", String.class))
        .isEqualTo(GateRecordDigest.GENESIS);
    Map<String, Object> head = jdbc.queryForMap("select last_seq, last_hash from gate_log_head where id = 1");
    assertThat(((Number) head.get("last_seq")).longValue()).as("head").isEqualTo(n);
    assertThat(head.get("last_hash"))
        .isEqualTo(jdbc.queryForObject("select hash from gate_record where seq = ?", String.class, n));

    ChainVerification verified = verifier.verify();
    assertThat(verified.valid()).as(String.valueOf(verified.firstBroken())).isTrue();
    assertThat(verified.checked()).isEqualTo(n);
    assertThat(verified.pending().count()).isZero();
  }
}

package io.oppflow.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.oppflow.gate.ChainVerification;
import io.oppflow.gate.GateLogVerifier;
import io.oppflow.gate.GateVerdict;
import io.oppflow.gate.Verdict;
import io.oppflow.gate.internal.GateLog;
import io.oppflow.gate.internal.GateRecord;
import io.oppflow.support.ApiClient;
import io.oppflow.support.ConcurrentAdvances;
import io.oppflow.support.Opportunities;
import io.oppflow.support.PostgresServiceTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The gate log on a real PostgreSQL: no lock shared between gate transactions, every record sealed into one chain
 * after its commit, and triggers that let an UPDATE only seal an unsealed record and the head move only onto
 * sealed records.
 */
@PostgresServiceTest
class GateLogOnPostgresIT {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired GateLog gateLog;
  @Autowired GateLogVerifier verifier;
  @Autowired PlatformTransactionManager transactions;
  @Autowired MeterRegistry metrics;

  @Test
  void shouldSealEveryRecordOfAdvancesMadeAtTheSameTimeIntoOneChainWithoutGaps() throws Exception {
    List<String> codes = ConcurrentAdvances.run(port, 4, 3);

    String in = "'" + String.join("','", codes) + "'";
    assertThat(jdbc.queryForObject("select count(*) from gate_record where opportunity_code in (" + in + ")"
        + " and seq is not null", Long.class)).as("sealed when the advances returned").isEqualTo(4 * 3 * 3);
    ChainVerification result = verifier.verify();
    assertThat(result.valid()).as(String.valueOf(result.firstBroken())).isTrue();
    assertThat(result.pending().count()).isZero();
    long sealed = jdbc.queryForObject("select count(*) from gate_record where seq is not null", Long.class);
    assertThat(result.checked()).isEqualTo(sealed);
    assertThat(jdbc.queryForObject("select max(seq) from gate_record", Long.class)).isEqualTo(sealed);
    assertThat(jdbc.queryForObject("select last_seq from gate_log_head", Long.class)).isEqualTo(sealed);
    printLockHold("4 clients at once");

    // the same figure without other clients competing for the two cores: one client, one advance after the other
    Timer lock = metrics.get("oppflow.audit.seal.lock").timer();
    long passes = lock.count();
    double micros = lock.totalTime(TimeUnit.MICROSECONDS);
    ConcurrentAdvances.run(port, 1, 4);
    System.out.printf("[gatelog] 1 client: %d sealing passes, head lock held %.0f µs each on average%n",
        lock.count() - passes, (lock.totalTime(TimeUnit.MICROSECONDS) - micros) / (lock.count() - passes));
  }

  @Test
  void shouldLetAnotherAdvanceCompleteWhileAGateTransactionHasNotCommittedYet() throws Exception {
    String code = Opportunities.freshCode("BESIDE");
    ApiClient rep = ApiClient.as(port, "rep1");
    assertThat(rep.post("/api/opportunities", Opportunities.qualified(code).toString()).status()).isEqualTo(201);
    CountDownLatch appended = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    long[] openPid = new long[1];
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<Long> open = threads.submit(() -> new TransactionTemplate(transactions).execute(status -> {
        long id = gateLog.append(record("STILL-OPEN")).getId();
        openPid[0] = jdbc.queryForObject("select pg_backend_pid()", Long.class);
        appended.countDown();
        await(commit);
        return id;
      }));
      assertThat(appended.await(1, TimeUnit.MINUTES)).isTrue();
      assertThat(jdbc.queryForObject("select count(*) from pg_locks l join pg_class c on c.oid = l.relation"
          + " where c.relname = 'gate_log_head' and l.pid = ?", Long.class, openPid[0]))
          .as("locks on the head held by the open gate transaction").isZero();

      // the old gate log held the head until the open transaction ended: this advance waited for it, for ever here
      ApiClient.Response advanced = threads.submit(() -> rep.post("/api/opportunities/" + code + "/advance", null))
          .get(2, TimeUnit.MINUTES);
      assertThat(advanced.status()).as(advanced.toString()).isEqualTo(200);
      Map<String, Object> beside = jdbc.queryForMap("select id, seq from gate_record where opportunity_code = ?", code);
      assertThat(beside.get("seq")).as("sealed while the other transaction is open").isNotNull();

      commit.countDown();
      long openId = open.get(1, TimeUnit.MINUTES);
      long openSeq = jdbc.queryForObject("select seq from gate_record where id = ?", Long.class, openId);
      assertThat(openId).isLessThan(((Number) beside.get("id")).longValue());
      assertThat(openSeq).as("chained in commit order, not id order").isGreaterThan(((Number) beside.get("seq")).longValue());
      assertThat(verifier.verify().valid()).isTrue();
    } finally {
      commit.countDown();
      threads.shutdownNow();
    }
  }

  @Test
  void shouldReportARecordCommittedButNotSealedApartFromTheChain() {
    rolledBack(tx -> {
      long id = insertUnsealed();
      ChainVerification result = verifier.verify();
      assertThat(result.valid()).isTrue();
      assertThat(result.pending().count()).isEqualTo(1);
      assertThat(result.pending().oldestId()).isEqualTo(id);
    });
  }

  @Test
  void shouldLetAnUpdateOnlySealAnUnsealedRecordWithItsContentUnchanged() {
    String seal = "update gate_record set seq = (select last_seq + 1 from gate_log_head), prev_hash = repeat('a', 64),"
        + " hash = repeat('b', 64)";
    rolledBack(tx -> {
      long id = insertUnsealed();
      assertThat(jdbc.update(seal + " where id = ?", id)).isEqualTo(1);
    });
    rolledBack(tx -> {
      long id = insertUnsealed();
      assertThatThrownBy(() -> jdbc.update(seal + ", requested_by = 'someone-else' where id = ?", id))
          .hasMessageContaining("sealing may not change a record's content");
    });
    rolledBack(tx -> {
      long id = insertUnsealed();
      assertThatThrownBy(() -> jdbc.update("update gate_record set seq = 1, prev_hash = repeat('a', 64),"
          + " hash = repeat('b', 64) where id = ?", id)).hasMessageContaining("a record is sealed after the head");
    });
    rolledBack(tx -> {
      long id = insertUnsealed();
      assertThatThrownBy(() -> jdbc.update("update gate_record set seq = (select last_seq + 1 from gate_log_head)"
          + " where id = ?", id)).hasMessageContaining("sealing sets seq, prev_hash and hash");
    });
    long sealed = jdbc.queryForObject("select max(id) from gate_record where seq is not null", Long.class);
    assertThatThrownBy(() -> jdbc.update("update gate_record set seq = null, prev_hash = null, hash = null where id = ?", sealed))
        .hasMessageContaining("gate_record is append-only: UPDATE refused");
    assertThatThrownBy(() -> jdbc.update("update gate_record set hash = repeat('c', 64) where id = ?", sealed))
        .hasMessageContaining("gate_record is append-only: UPDATE refused");
  }

  @Test
  void shouldLetTheHeadMoveOnlyForwardOntoRecordsSealedAfterIt() {
    assertThatThrownBy(() -> jdbc.update("update gate_log_head set last_seq = last_seq + 1"))
        .hasMessageContaining("gate_log_head only moves forward, onto the records sealed after it");
    assertThatThrownBy(() -> jdbc.update("update gate_log_head set last_seq = last_seq - 1"))
        .hasMessageContaining("gate_log_head only moves forward");
    assertThatThrownBy(() -> jdbc.update("update gate_log_head set last_hash = repeat('d', 64)"))
        .hasMessageContaining("gate_log_head only moves forward");
  }

  private void rolledBack(Consumer<Object> work) {
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      status.setRollbackOnly();
      work.accept(status);
    });
  }

  private long insertUnsealed() {
    return jdbc.queryForObject("insert into gate_record (opportunity_code, process_key, stage, verdict, failures_json,"
        + " warnings_json, rules_version, facts_json, requested_by, evaluated_at) values ('PENDING', 'project-sales-funnel',"
        + " 'TARGET', 'PASSED', '[]', '[]', 'v-test', '{}', 'rep1', ?) returning id", Long.class, Timestamp.from(Instant.now()));
  }

  private static GateRecord record(String code) {
    return new GateRecord(code, null, new GateVerdict("project-sales-funnel", "TARGET", Verdict.PASSED, List.of(),
        List.of(), "v-test"), "[]", "[]", "{}", "rep1", Instant.now());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** What the sealing passes of this run measured (a figure for docs/compliance.md, not an assertion). */
  private void printLockHold(String when) {
    HistogramSnapshot lock = metrics.get("oppflow.audit.seal.lock").timer().takeSnapshot();
    HistogramSnapshot work = metrics.get("oppflow.audit.seal.statements").timer().takeSnapshot();
    double records = metrics.get("oppflow.audit.seal.records").summary().totalAmount();
    StringBuilder percentiles = new StringBuilder();
    for (ValueAtPercentile p : lock.percentileValues()) {
      percentiles.append(String.format(" p%.0f %.0f µs", p.percentile() * 100, p.value(TimeUnit.MICROSECONDS)));
    }
    System.out.printf("[gatelog] " + when + ": %d sealing passes sealed %.0f records (%.2f per pass); head lock held: mean %.0f µs,"
        + "%s, max %.0f µs; per record %.0f µs; of that before the commit: mean %.0f µs, p50 %.0f µs%n", lock.count(),
        records, records / lock.count(), lock.mean(TimeUnit.MICROSECONDS), percentiles, lock.max(TimeUnit.MICROSECONDS),
        lock.total(TimeUnit.MICROSECONDS) / records, work.mean(TimeUnit.MICROSECONDS),
        work.percentileValues()[0].value(TimeUnit.MICROSECONDS));
  }
}

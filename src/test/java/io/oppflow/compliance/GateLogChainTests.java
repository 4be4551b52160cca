package io.oppflow.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.oppflow.gate.ChainVerification;
import io.oppflow.gate.GateLogVerifier;
import io.oppflow.gate.internal.GateRecordDigest;
import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;
import io.oppflow.support.Opportunities;
import io.oppflow.gate.GateVerdict;
import io.oppflow.gate.Verdict;
import io.oppflow.gate.internal.GateLog;
import io.oppflow.gate.internal.GateRecord;
import io.oppflow.support.ConcurrentAdvances;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The gate log's hash chain shows every kind of change made behind the application's back, and every record,
 * however many are written at the same time, is sealed into it once its transaction commits. Each test that
 * changes the log does it inside its own transaction, which is rolled back afterwards.
 */
@H2ServiceTest
class GateLogChainTests {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired GateLogVerifier verifier;
  @Autowired GateLog gateLog;
  @Autowired PlatformTransactionManager transactions;

  @BeforeEach
  void someGateRecords() {
    for (int i = 0; i < 2; i++) {
      String code = Opportunities.freshCode("CHAIN");
      ApiClient rep = ApiClient.as(port, "rep1");
      rep.post("/api/opportunities", Opportunities.qualified(code).toString());
      assertThat(rep.post("/api/opportunities/" + code + "/advance", null).status()).isLessThan(300);
    }
  }

  @Test
  void shouldChainEachNewRecordToTheOneBeforeIt() {
    List<java.util.Map<String, Object>> last = jdbc.queryForList(
        "select seq, prev_hash, hash from gate_record order by seq desc fetch first 2 rows only");
    assertThat(((Number) last.get(0).get("seq")).longValue()).isEqualTo(((Number) last.get(1).get("seq")).longValue() + 1);
    assertThat(last.get(0).get("prev_hash")).isEqualTo(last.get(1).get("hash"));
    assertThat(jdbc.queryForMap("select last_seq, last_hash from gate_log_head")).containsEntry("last_hash", last.get(0).get("hash"));
    assertThat(verifier.verify().valid()).isTrue();
  }

  @Test
  void shouldShowEachRecordsPlaceInTheChainWithTheRecord() {
    String code = jdbc.queryForObject("select opportunity_code from gate_record order by seq desc fetch first 1 rows only",
        String.class);
    com.fasterxml.jackson.databind.JsonNode records = ApiClient.as(port, "ops1").get("/api/opportunities/" + code + "/gate-records").json();
    com.fasterxml.jackson.databind.JsonNode last = records.get(records.size() - 1);
    assertThat(last.path("hash").asText())
        .isEqualTo(jdbc.queryForObject("select hash from gate_record where id = ?", String.class, last.path("id").asLong()));
    assertThat(last.path("seq").asLong()).isPositive();
    assertThat(last.path("prevHash").asText()).hasSize(64);
  }

  @Test
  @Transactional
  void shouldNameTheRecordAfterOneThatWasRemoved() {
    long removedSeq = secondToLastUnreferencedSeq();
    long next = jdbc.queryForObject("select id from gate_record where seq = ?", Long.class, removedSeq + 1);
    jdbc.update("delete from gate_record where seq = ?", removedSeq);

    ChainVerification result = verifier.verify();

    assertThat(result.valid()).isFalse();
    assertThat(result.firstBroken().id()).isEqualTo(next);
    assertThat(result.firstBroken().reason()).contains("seq " + removedSeq + " missing");
  }

  @Test
  @Transactional
  void shouldNoticeRecordsRemovedFromTheEnd() {
    long lastSeq = jdbc.queryForObject("select max(seq) from gate_record", Long.class);
    // the last record is the PASSED advance of this test's set-up: no exception refers to it
    jdbc.update("delete from gate_record where seq = ?", lastSeq);

    ChainVerification result = verifier.verify();

    assertThat(result.valid()).isFalse();
    assertThat(result.firstBroken().id()).isNull();
    assertThat(result.firstBroken().reason()).contains("removed from the end");
  }

  @Test
  @Transactional
  void shouldNameTheRecordAfterOneWhoseHashWasRecomputedByAForger() {
    // A forger changes a record and gives it a hash that matches the new content: the record verifies, but
    // the next record was chained to the old hash.
    long seq = secondToLastUnreferencedSeq();
    java.util.Map<String, Object> r = jdbc.queryForMap("select * from gate_record where seq = ?", seq);
    String forged = GateRecordDigest.hash(new GateRecordDigest.Content(seq, (String) r.get("opportunity_code"),
        (String) r.get("process_key"), (String) r.get("process_instance_id"), (String) r.get("stage"), (String) r.get("verdict"),
        (String) r.get("failures_json"), (String) r.get("warnings_json"), (String) r.get("rules_version"),
        (String) r.get("facts_json"), "someone-else", jdbc.queryForObject("select evaluated_at from gate_record where seq = ?",
            java.time.OffsetDateTime.class, seq).toInstant(), (String) r.get("approved_by"),
        (String) r.get("override_reason"), r.get("exception_id") == null ? null : ((Number) r.get("exception_id")).longValue(),
        (String) r.get("prev_hash")));
    jdbc.update("update gate_record set requested_by = 'someone-else', hash = ? where seq = ?", forged, seq);
    long next = jdbc.queryForObject("select id from gate_record where seq = ?", Long.class, seq + 1);

    ChainVerification result = verifier.verify();

    assertThat(result.valid()).isFalse();
    assertThat(result.firstBroken().id()).isEqualTo(next);
    assertThat(result.firstBroken().reason()).contains("does not follow the record before it");
  }

  @Test
  void shouldSealEveryRecordOfAdvancesMadeAtTheSameTimeIntoOneChainWithoutGaps() throws Exception {
    List<String> codes = ConcurrentAdvances.run(port, 4, 2);

    String in = "'" + String.join("','", codes) + "'";
    assertThat(jdbc.queryForObject("select count(*) from gate_record where opportunity_code in (" + in + ")", Long.class))
        .isEqualTo(4 * 2 * 3);
    assertThat(jdbc.queryForObject("select count(*) from gate_record where opportunity_code in (" + in + ")"
        + " and seq is null", Long.class)).as("unsealed when the advances returned").isZero();
    Map<String, Object> seqs = jdbc.queryForMap("select count(*) as n, count(distinct seq) as d, max(seq) as m"
        + " from gate_record where seq is not null");
    assertThat(((Number) seqs.get("d")).longValue()).isEqualTo(((Number) seqs.get("n")).longValue());
    assertThat(((Number) seqs.get("m")).longValue()).as("seq 1..max without gaps").isEqualTo(((Number) seqs.get("n")).longValue());
    ChainVerification result = verifier.verify();
    assertThat(result.valid()).as(String.valueOf(result.firstBroken())).isTrue();
    assertThat(result.checked()).isEqualTo(((Number) seqs.get("n")).longValue());
  }

  @Test
  void shouldLeaveARecordUnsealedUntilItsTransactionCommitsAndSealItBeforeTheCommitReturns() {
    TransactionTemplate tx = new TransactionTemplate(transactions);
    long[] id = new long[1];
    Long seqBeforeCommit = tx.execute(status -> {
      id[0] = gateLog.append(record("SEALED-ON-COMMIT", Instant.now())).getId();
      return jdbc.queryForObject("select seq from gate_record where id = ?", Long.class, id[0]);
    });

    assertThat(seqBeforeCommit).isNull();
    Map<String, Object> sealed = jdbc.queryForMap("select seq, prev_hash, hash from gate_record where id = ?", id[0]);
    assertThat(sealed.get("seq")).isNotNull();
    assertThat((String) sealed.get("hash")).hasSize(64);
    assertThat(verifier.verify().valid()).isTrue();
  }

  @Test
  @Transactional
  void shouldReportARecordNotSealedYetApartFromTheChainAndAnOldOneAsOverdue() {
    // written in this test's transaction, so no sealer sees it: as a record between its commit and its seal looks
    long fresh = insertUnsealed(Instant.now());
    ChainVerification justNow = verifier.verify();
    assertThat(justNow.valid()).isTrue();
    assertThat(justNow.pending().count()).isEqualTo(1);
    assertThat(justNow.pending().oldestId()).isEqualTo(fresh);
    assertThat(justNow.pending().overdue()).isFalse();

    long old = insertUnsealed(Instant.now().minus(Duration.ofHours(1)));
    jdbc.update("delete from gate_record where id = ?", fresh);
    ChainVerification later = verifier.verify();
    assertThat(later.valid()).as("the chain of the sealed records still holds").isTrue();
    assertThat(later.pending().oldestId()).isEqualTo(old);
    assertThat(later.pending().oldestSeconds()).isGreaterThanOrEqualTo(3600);
    assertThat(later.pending().overdue()).isTrue();
  }

  @Test
  @Transactional
  void shouldNoticeARecordAppendedWithoutMovingTheHead() {
    // A forger appends a record chained to the last one, with a matching hash, but cannot move the head with it
    Map<String, Object> last = jdbc.queryForMap("select seq, hash from gate_record where seq = (select max(seq) from gate_record)");
    long seq = ((Number) last.get("seq")).longValue() + 1;
    Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    String hash = GateRecordDigest.hash(new GateRecordDigest.Content(seq, "FORGED", "project-sales-funnel", null, "TARGET",
        "PASSED", "[]", "[]", "v-forged", "{}", "rep1", at, null, null, null, (String) last.get("hash")));
    jdbc.update("insert into gate_record (opportunity_code, process_key, stage, verdict, failures_json, warnings_json,"
        + " rules_version, facts_json, requested_by, evaluated_at, seq, prev_hash, hash) values ('FORGED',"
        + " 'project-sales-funnel', 'TARGET', 'PASSED', '[]', '[]', 'v-forged', '{}', 'rep1', ?, ?, ?, ?)",
        Timestamp.from(at), seq, last.get("hash"), hash);

    ChainVerification result = verifier.verify();

    assertThat(result.valid()).isFalse();
    assertThat(result.firstBroken().id()).isNull();
    assertThat(result.firstBroken().reason()).contains("appended without moving the head");
  }

  private long insertUnsealed(Instant at) {
    jdbc.update("insert into gate_record (opportunity_code, process_key, stage, verdict, failures_json, warnings_json,"
        + " rules_version, facts_json, requested_by, evaluated_at) values ('PENDING', 'project-sales-funnel', 'TARGET',"
        + " 'PASSED', '[]', '[]', 'v-test', '{}', 'rep1', ?)", Timestamp.from(at));
    return jdbc.queryForObject("select max(id) from gate_record", Long.class);
  }

  private static GateRecord record(String code, Instant at) {
    return new GateRecord(code, null, new GateVerdict("project-sales-funnel", "TARGET", Verdict.PASSED, List.of(),
        List.of(), "v-test"), "[]", "[]", "{}", "rep1", at);
  }

  private long secondToLastUnreferencedSeq() {
    return jdbc.queryForObject("select max(seq) from gate_record where seq < (select max(seq) from gate_record)"
        + " and id not in (select failed_record_id from gate_exception)", Long.class);
  }
}

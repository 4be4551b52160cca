package io.oppflow.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.oppflow.gate.ChainVerification;
import io.oppflow.gate.GateLogVerifier;
import io.oppflow.gate.internal.GateRecordDigest;
import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;
import io.oppflow.support.Opportunities;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gate log's hash chain shows every kind of change made behind the application's back. Each test
 * changes the log inside its own transaction, which is rolled back afterwards.
 */
@H2ServiceTest
class GateLogChainTests {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired GateLogVerifier verifier;

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

  private long secondToLastUnreferencedSeq() {
    return jdbc.queryForObject("select max(seq) from gate_record where seq < (select max(seq) from gate_record)"
        + " and id not in (select failed_record_id from gate_exception)", Long.class);
  }
}

package io.oppflow.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Upgrading a database that holds gate records from before the chain: V41 seals them so they verify. */
class GateLogMigrationTests {

  @Test
  void shouldSealTheRecordsWrittenBeforeTheChainInTheOrderTheyWereWritten() {
    DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:v41-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(db).target("40").load().migrate();
    JdbcTemplate jdbc = new JdbcTemplate(db);
    // as written before V40: microsecond times, one override with its exception id
    legacy(jdbc, "OPP-1", "FAILED", "2026-10-01T08:00:00.123456Z", null, null);
    legacy(jdbc, "OPP-1", "OVERRIDDEN", "2026-10-02T09:30:00.000001Z", "manager1", 7L);
    legacy(jdbc, "OPP-2", "PASSED", "2026-10-03T10:00:00Z", null, null);

    Flyway.configure().dataSource(db).load().migrate();

    List<Long> seqs = jdbc.queryForList("select seq from gate_record order by id", Long.class);
    assertThat(seqs).containsExactly(1L, 2L, 3L);
    assertThat(jdbc.queryForObject("select last_seq from gate_log_head", Long.class)).isEqualTo(3L);
    ChainVerification result = new GateLogVerifier(jdbc).verify();
    assertThat(result.valid()).as(String.valueOf(result.firstBroken())).isTrue();
    assertThat(result.checked()).isEqualTo(3);
    assertThat(result.lastHash()).isEqualTo(jdbc.queryForObject("select hash from gate_record where seq = 3", String.class));
  }

  private static void legacy(JdbcTemplate jdbc, String code, String verdict, String at, String approvedBy, Long exceptionId) {
    jdbc.update("insert into gate_record (opportunity_code, process_key, process_instance_id, stage, verdict,"
        + " failures_json, warnings_json, rules_version, facts_json, requested_by, evaluated_at, approved_by,"
        + " override_reason, exception_id) values (?, 'project-sales-funnel', 'pi-1', 'TARGET', ?, '[]', '[]', 'v1',"
        + " '{}', 'rep1', ?, ?, ?, ?)", code, verdict, Timestamp.from(Instant.parse(at)), approvedBy,
        approvedBy == null ? null : "approved", exceptionId);
  }
}

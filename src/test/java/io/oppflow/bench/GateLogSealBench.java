package io.oppflow.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.oppflow.gate.internal.GateLogSealer;
import io.oppflow.gate.internal.SealerBenchAccess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How long the gate log's sealer holds the head (docs/compliance.md section 1), on embedded PostgreSQL with the
 * production triggers: records of about 2 KB of facts inserted unsealed and committed, then sealed, in passes of
 * 1, 4 and 16 records (what one, several and many advances committing at once give a pass). Nothing else runs,
 * so the figure is the sealing's own, not the wait for a busy machine's cores.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.oppflow.bench.GateLogSealBench</pre>
 *
 * <p>{@code -Dbench.passes=400} measured passes per size (after as many warm-up passes);
 * {@code -Dbench.triggers=false} seals with the triggers off, to see what they cost.
 */
public final class GateLogSealBench {

  private GateLogSealBench() {}

  public static void main(String[] args) throws Exception {
    int passes = Integer.getInteger("bench.passes", 400);
    String facts = "{\"facts\": \"" + "x".repeat(2000) + "\"}";
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      new JdbcTemplate(pg.getPostgresDatabase()).execute("create database seal");
      try (HikariDataSource ds = new HikariDataSource()) {
        ds.setJdbcUrl(pg.getJdbcUrl("postgres", "seal"));
        ds.setUsername("postgres");
        ds.setPassword("postgres");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        if (!Boolean.parseBoolean(System.getProperty("bench.triggers", "true"))) {
          jdbc.execute("alter table gate_record disable trigger gate_record_no_update_delete");
          jdbc.execute("alter table gate_log_head disable trigger gate_log_head_forward");
        }
        System.out.printf(Locale.ROOT, "load average before: %s%n", loadAverage());
        for (int size : new int[] {1, 4, 16}) {
          SimpleMeterRegistry metrics = new SimpleMeterRegistry();
          GateLogSealer sealer = SealerBenchAccess.sealer(ds, metrics);
          for (int i = 0; i < passes; i++) {
            insertUnsealed(jdbc, size, facts);
            sealer.sealPending();
          }
          metrics.clear();
          sealer = SealerBenchAccess.sealer(ds, metrics);
          for (int i = 0; i < passes; i++) {
            insertUnsealed(jdbc, size, facts);
            sealer.sealPending();
          }
          report(size, metrics.get("oppflow.audit.seal.lock").timer(), metrics.get("oppflow.audit.seal.statements").timer());
        }
        System.out.printf(Locale.ROOT, "load average after: %s; %d records sealed%n", loadAverage(),
            jdbc.queryForObject("select last_seq from gate_log_head", Long.class));
      }
    }
  }

  private static void insertUnsealed(JdbcTemplate jdbc, int n, String facts) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(new Object[] {"BENCH-" + i, facts, Timestamp.from(Instant.now())});
    }
    jdbc.batchUpdate("insert into gate_record (opportunity_code, process_key, stage, verdict, failures_json, warnings_json,"
        + " rules_version, facts_json, requested_by, evaluated_at) values (?, 'project-sales-funnel', 'TARGET', 'PASSED',"
        + " '[]', '[]', 'v-bench', ?, 'rep1', ?)", rows);
  }

  private static void report(int size, Timer lock, Timer statements) {
    HistogramSnapshot l = lock.takeSnapshot();
    HistogramSnapshot s = statements.takeSnapshot();
    System.out.printf(Locale.ROOT, "%2d records a pass: head held p50 %4.0f µs, p99 %5.0f µs, mean %4.0f µs (%4.0f µs a record);"
        + " before the commit p50 %4.0f µs%n", size, l.percentileValues()[0].value(TimeUnit.MICROSECONDS),
        l.percentileValues()[1].value(TimeUnit.MICROSECONDS), l.mean(TimeUnit.MICROSECONDS),
        l.mean(TimeUnit.MICROSECONDS) / size, s.percentileValues()[0].value(TimeUnit.MICROSECONDS));
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}

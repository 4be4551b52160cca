package io.oppflow.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.oppflow.compliance.internal.ComplianceBenchAccess;
import io.oppflow.compliance.internal.Violation;
import io.oppflow.gate.ChainVerification;
import io.oppflow.gate.GateBenchAccess;
import io.oppflow.gate.GateLogVerifier;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The compliance audit benchmark on PostgreSQL (see {@code docs/benchmarks.md}): for each size, generate a gate log
 * and its stage history ({@link ComplianceDataGenerator}), then time the chain verification
 * ({@code GateLogVerifier.verify}) against streaming the same rows without hashing, and the violation scan of all
 * time ({@code BypassDetector.count} and {@code find}) against the naive way ({@link NaiveBypassScan}), in the same
 * run. It refuses to report unless the chain verifies with every record, a changed record is named, and the scan,
 * its list and the naive way all give exactly the violations put in.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.oppflow.bench.ComplianceBenchmarks</pre>
 *
 * <p>{@code -Dbench.sizes=10000,100000} (default) chooses the numbers of gate records; {@code -Dbench.explain=true}
 * prints {@code EXPLAIN (ANALYZE, BUFFERS)} of the scan's count, twice, after loading each size;
 * {@code -Dbench.candidate=true} also checks and times {@link LateralBypassCount}.
 */
public final class ComplianceBenchmarks {

  private static final int FETCH_SIZE = 500;

  /** Where the stream leaves a sum of what it read, so the JIT cannot drop the reads. */
  static volatile long sink;

  private ComplianceBenchmarks() {}

  public static void main(String[] args) throws Exception {
    int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "10000,100000").split(","))
        .mapToInt(s -> Integer.parseInt(s.strip())).toArray();
    boolean explain = Boolean.getBoolean("bench.explain");
    StringBuilder out = new StringBuilder();
    out.append("| Gate records | Stage intervals | Entries checked | Violations | Load s | Verify p50 ms | p90 ms"
        + " | JDBC stream p50 ms | Verify ÷ stream | Scan count p50 ms | p90 ms | Scan list p50 ms"
        + " | Naive p50 ms | Naive ÷ scan |\n");
    out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    String loadBefore = loadAverage();
    long started = System.nanoTime();
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      JdbcTemplate server = new JdbcTemplate(pg.getPostgresDatabase());
      for (int size : sizes) {
        String db = "compliance_" + size;
        server.execute("create database " + db);
        try (HikariDataSource ds = new HikariDataSource()) {
          ds.setJdbcUrl(pg.getJdbcUrl("postgres", db) + "&reWriteBatchedInserts=true");
          ds.setUsername("postgres");
          ds.setPassword("postgres");
          Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
          String line = measure(ds, size, explain);
          System.out.print(line);
          out.append(line);
        }
        server.execute("drop database " + db);
      }
    }
    out.append(String.format(Locale.ROOT, "%nMachine: %d CPUs, Java %s; load average (1, 5, 15 min) %s before,"
        + " %s after; run took %d s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        loadBefore, loadAverage(), (System.nanoTime() - started) / 1_000_000_000L));
    System.out.println();
    System.out.println(out);
  }

  private static String measure(HikariDataSource ds, int size, boolean explain) throws Exception {
    JdbcTemplate jdbc = new JdbcTemplate(ds);
    long t0 = System.nanoTime();
    ComplianceDataGenerator.DataSet data = new ComplianceDataGenerator(42).generate(ds, size);
    jdbc.execute("vacuum analyze");
    double loadS = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "%d gate records (%d overridden, facts %.0f bytes on average), %d opportunities,"
        + " %d stage intervals, %d engine entries checked, violations put in %s; loaded in %.1f s; gate_record %s%n",
        data.gateRecords(), data.overridden(), data.meanFactsBytes(), data.opportunities(), data.stageIntervals(),
        data.checkedEntries(), new TreeMap<>(data.violationsByKind()), loadS,
        jdbc.queryForObject("select pg_size_pretty(pg_total_relation_size('gate_record'))", String.class));
    TransactionTemplate readOnly = new TransactionTemplate(new DataSourceTransactionManager(ds));
    readOnly.setReadOnly(true);
    int runs = size >= 300_000 ? 5 : 10;

    GateLogVerifier verifier = GateBenchAccess.verifier(ds);
    Callable<ChainVerification> verify = () -> readOnly.execute(tx -> verifier.verify());
    ChainVerification chain = verify.call();
    if (!chain.valid() || chain.checked() != data.gateRecords()) {
      throw new IllegalStateException("the generated chain does not verify: " + chain);
    }
    double[] verifyMs = time(verify, 1, runs);
    JdbcTemplate stream = new JdbcTemplate(ds);
    stream.setFetchSize(FETCH_SIZE);
    Callable<Long> streamed = () -> readOnly.execute(tx -> streamRows(stream));
    if (streamed.call() != data.gateRecords()) {
      throw new IllegalStateException("the stream read a different number of rows");
    }
    double[] streamMs = time(streamed, 1, runs);

    ComplianceBenchAccess.AllTimeScan scan = ComplianceBenchAccess.allTimeScan(ds);
    Set<String> expected = data.expectedViolations();
    long count = readOnly.execute(tx -> scan.count());
    Set<String> listed = keys(readOnly.execute(tx -> scan.find()));
    Set<String> naive = NaiveBypassScan.find(ds);
    if (count != expected.size()) {
      throw new IllegalStateException("the scan counts " + count + " violations, " + expected.size() + " were put in");
    }
    check("the scan's list", listed, expected);
    check("the naive way", naive, expected);
    if (explain) {
      for (int i = 0; i < 2; i++) {
        jdbc.queryForList("explain (analyze, buffers) " + ComplianceBenchAccess.countSql(), String.class)
            .forEach(System.out::println);
      }
    }
    double[] countMs = time(() -> readOnly.execute(tx -> scan.count()), 2, runs);
    double[] findMs = time(() -> readOnly.execute(tx -> scan.find()), 1, runs);
    double[] naiveMs = time(() -> NaiveBypassScan.find(ds), 1, runs);
    if (Boolean.getBoolean("bench.candidate")) {
      candidate(jdbc, readOnly, expected.size(), runs, explain, percentile(countMs, 0.5));
    }

    tamperCheck(jdbc, verify, data.gateRecords());

    double verifyP50 = percentile(verifyMs, 0.5);
    double streamP50 = percentile(streamMs, 0.5);
    double countP50 = percentile(countMs, 0.5);
    double naiveP50 = percentile(naiveMs, 0.5);
    return String.format(Locale.ROOT, "| %,d | %,d | %,d | %d | %.1f | %.0f | %.0f | %.0f | %.2f | %.0f | %.0f | %.0f"
        + " | %.0f | %.1fx |%n", data.gateRecords(), data.stageIntervals(), data.checkedEntries(), expected.size(),
        loadS, verifyP50, percentile(verifyMs, 0.9), streamP50, verifyP50 / streamP50, countP50,
        percentile(countMs, 0.9), percentile(findMs, 0.5), naiveP50, naiveP50 / countP50);
  }

  /** Checks and times {@link LateralBypassCount} against the application's count measured just before. */
  private static void candidate(JdbcTemplate jdbc, TransactionTemplate readOnly, int expected, int runs,
      boolean explain, double countP50) throws Exception {
    Long n = jdbc.queryForObject(LateralBypassCount.SQL, Long.class);
    if (n == null || n != expected) {
      throw new IllegalStateException("the lateral form counts " + n + " violations, " + expected + " were put in");
    }
    if (explain) {
      for (int i = 0; i < 2; i++) {
        jdbc.queryForList("explain (analyze, buffers) " + LateralBypassCount.SQL, String.class)
            .forEach(System.out::println);
      }
    }
    double[] ms = time(() -> readOnly.execute(tx -> jdbc.queryForObject(LateralBypassCount.SQL, Long.class)), 2, runs);
    System.out.printf(Locale.ROOT, "candidate: lateral count p50 %.0f ms, p90 %.0f ms (application's count p50 %.0f ms"
        + " in the same run)%n", percentile(ms, 0.5), percentile(ms, 0.9), countP50);
  }

  /** Reads every column the verifier reads, with the same getters and fetch size, and hashes nothing. */
  private static long streamRows(JdbcTemplate stream) {
    long[] rows = {0, 0};
    stream.query("select id, seq, opportunity_code, process_key, process_instance_id, stage, verdict, failures_json,"
        + " warnings_json, rules_version, facts_json, requested_by, evaluated_at, approved_by, override_reason,"
        + " exception_id, prev_hash, hash from gate_record order by seq", (RowCallbackHandler) rs -> {
          rows[0]++;
          rows[1] += rs.getLong("id") + rs.getLong("seq") + rs.getLong("exception_id") + length(rs, "opportunity_code")
              + length(rs, "process_key") + length(rs, "process_instance_id") + length(rs, "stage")
              + length(rs, "verdict") + length(rs, "failures_json") + length(rs, "warnings_json")
              + length(rs, "rules_version") + length(rs, "facts_json") + length(rs, "requested_by")
              + rs.getObject("evaluated_at", OffsetDateTime.class).getNano() + length(rs, "approved_by")
              + length(rs, "override_reason") + length(rs, "prev_hash") + length(rs, "hash");
        });
    sink = rows[1];
    return rows[0];
  }

  private static int length(ResultSet rs, String column) throws java.sql.SQLException {
    String s = rs.getString(column);
    return s == null ? 0 : s.length();
  }

  /**
   * Turns a FAILED record in the middle of the log into a PASSED one behind the application's back (the
   * append-only trigger switched off for it), checks that verification names it, then puts it back and checks the
   * chain verifies again.
   */
  private static void tamperCheck(JdbcTemplate jdbc, Callable<ChainVerification> verify, long records) throws Exception {
    long seq = jdbc.queryForObject("select min(seq) from gate_record where seq > ? and verdict = 'FAILED'", Long.class,
        records / 2);
    String failures = jdbc.queryForObject("select failures_json from gate_record where seq = ?", String.class, seq);
    jdbc.execute("alter table gate_record disable trigger user");
    try {
      jdbc.update("update gate_record set verdict = 'PASSED', failures_json = '[]' where seq = ?", seq);
      long t = System.nanoTime();
      ChainVerification broken = verify.call();
      double ms = (System.nanoTime() - t) / 1e6;
      if (broken.valid() || broken.firstBroken() == null || broken.firstBroken().seq() != seq
          || !broken.firstBroken().reason().startsWith("content changed")) {
        throw new IllegalStateException("the changed record " + seq + " is not named: " + broken);
      }
      System.out.printf(Locale.ROOT, "tamper check: FAILED record seq %d made PASSED, verify named it (%s) in %.0f ms%n",
          seq, broken.firstBroken().reason(), ms);
      jdbc.update("update gate_record set verdict = 'FAILED', failures_json = ? where seq = ?", failures, seq);
      if (!verify.call().valid()) {
        throw new IllegalStateException("the chain does not verify after putting record " + seq + " back");
      }
    } finally {
      jdbc.execute("alter table gate_record enable trigger user");
    }
  }

  private static Set<String> keys(List<Violation> violations) {
    return violations.stream().map(v -> ComplianceDataGenerator.key(v.processInstanceId(), v.stage(),
        v.enteredAt().toEpochMilli())).collect(Collectors.toCollection(HashSet::new));
  }

  /** Refuses to report if {@code found} differs from {@code expected}, naming a few of the differences. */
  private static void check(String what, Set<String> found, Set<String> expected) {
    Set<String> missing = new HashSet<>(expected);
    missing.removeAll(found);
    Set<String> extra = new HashSet<>(found);
    extra.removeAll(expected);
    if (!missing.isEmpty() || !extra.isEmpty()) {
      throw new IllegalStateException(what + " differs from the " + expected.size() + " violations put in: missing "
          + missing.stream().limit(5).toList() + " (" + missing.size() + "), extra " + extra.stream().limit(5).toList()
          + " (" + extra.size() + ")");
    }
  }

  private static double[] time(Callable<?> task, int warmUps, int runs) throws Exception {
    for (int i = 0; i < warmUps; i++) {
      task.call();
    }
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      task.call();
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    return ms;
  }

  private static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + ", " + parts[1] + ", " + parts[2];
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}

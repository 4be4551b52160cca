package io.oppflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.oppflow.gate.RuleSet;
import io.oppflow.gate.internal.PreviewBenchAccess;
import io.oppflow.gate.internal.RuleChangePreview;
import io.oppflow.gate.internal.RuleFiles;
import io.oppflow.gate.internal.RuleSelfTests;
import io.oppflow.gate.internal.RuleSetFiles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The rule-change preview's replay on PostgreSQL (see {@code docs/benchmarks.md}): a gate log of about 10,000
 * records ({@link ComplianceDataGenerator}), replayed with a candidate that makes TARGET-02 blocking, as
 * {@code POST /api/rules/preview} replays it (at most {@code bench.records} records, newest first). Three arms run
 * interleaved, their order rotating each round: the whole replay; reading the same pages over JDBC alone; the
 * rules alone, judging the same records' facts decoded beforehand; and the check a preview makes before it replays
 * (compiling the candidate and running its self-tests). It refuses to report unless the replay replayed
 * every record and its counts of changed verdicts equal those counted record by record here.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.oppflow.bench.RulePreviewBench</pre>
 *
 * <p>{@code -Dbench.records=10000} (default) is the number replayed; {@code -Dbench.rounds=15} the measured rounds
 * (after 3 warm-up rounds).
 */
public final class RulePreviewBench {

  private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2028-01-01T00:00:00Z");
  private static final int PAGE = 500;

  /** Where the arms leave what they computed, so the JIT cannot drop the work. */
  static volatile long sink;

  private RulePreviewBench() {}

  public static void main(String[] args) throws Exception {
    int records = Integer.getInteger("bench.records", 10_000);
    int rounds = Integer.getInteger("bench.rounds", 15);
    ObjectMapper json = JsonMapper.builder().findAndAddModules().build();
    Clock clock = Clock.systemUTC();
    RuleSet candidate = RuleSet.compile(tightened());
    String loadBefore = loadAverage();
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      new JdbcTemplate(pg.getPostgresDatabase()).execute("create database preview");
      try (HikariDataSource ds = new HikariDataSource()) {
        ds.setJdbcUrl(pg.getJdbcUrl("postgres", "preview") + "&reWriteBatchedInserts=true");
        ds.setUsername("postgres");
        ds.setPassword("postgres");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        ComplianceDataGenerator.DataSet data = new ComplianceDataGenerator(42).generate(ds, records);
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        jdbc.execute("vacuum analyze");
        System.out.printf(Locale.ROOT, "%d gate records (%d overridden, facts %.0f bytes on average)%n", data.gateRecords(),
            data.overridden(), data.meanFactsBytes());

        PreviewBenchAccess.Replay replay = PreviewBenchAccess.replay(ds, json, clock, records);
        List<String[]> rows = newest(jdbc, records);
        List<PreviewBenchAccess.Decoded> decoded = PreviewBenchAccess.decode(json, clock, rows);
        RuleChangePreview once = replay.run(candidate, FROM, TO, 10);
        check(once, records, rows, decoded, candidate);
        System.out.printf(Locale.ROOT, "replayed %d of %d: %d unchanged, %d passed→failed, %d failed→passed, %d not replayed;"
            + " criteria %s%n", once.total().replayed(), once.recordsInWindow(), once.total().unchanged(),
            once.total().passedToFailed(), once.total().failedToPassed(), once.total().notReplayed(),
            once.criteria().stream().map(c -> c.code() + " +" + c.newlyFailing() + "/-" + c.noLongerFailing()).toList());

        Map<String, Callable<Long>> arms = new java.util.LinkedHashMap<>();
        arms.put("replay", () -> (long) replay.run(candidate, FROM, TO, 10).total().replayed());
        arms.put("read", () -> read(jdbc, records));
        arms.put("rules", () -> judge(decoded, candidate));
        RuleSetFiles files = tightened();
        arms.put("check", () -> (long) RuleSelfTests.run(RuleSet.compile(files), files.caseFiles()).size());
        Map<String, double[]> ms = interleave(arms, 3, rounds);
        report(ms, records, rounds, loadBefore);
      }
    }
  }

  /** The shipped rules with TARGET-02 ("the customer's industry is recorded") made blocking. */
  static RuleSetFiles tightened() {
    Map<String, byte[]> files = new TreeMap<>(RuleFiles.read(BenchFacts.RULES).all());
    String table = new String(files.get("projectsales/criteria.drl.csv"), StandardCharsets.UTF_8);
    files.put("projectsales/criteria.drl.csv",
        table.replace(",warning,TARGET-02,", ",blocking,TARGET-02,").getBytes(StandardCharsets.UTF_8));
    return new RuleSetFiles(files);
  }

  /** Facts, process, stage, evaluation time and verdict of the newest {@code n} records, newest first. */
  private static List<String[]> newest(JdbcTemplate jdbc, int n) {
    return jdbc.query("select facts_json, process_key, stage, evaluated_at, verdict from gate_record order by id desc limit ?",
        (rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, OffsetDateTime.class).toInstant().toString(), rs.getString(5)}, n);
  }

  /** The replay's reading alone: the same statement, pages and columns, nothing decoded or judged. */
  private static long read(JdbcTemplate jdbc, int limit) {
    long[] seen = {0, 0};
    long below = Long.MAX_VALUE;
    int left = limit;
    while (left > 0) {
      int size = Math.min(PAGE, left);
      long[] page = {0, below};
      jdbc.query("select id, opportunity_code, process_key, stage, verdict, failures_json, facts_json, rules_version,"
          + " evaluated_at from gate_record where evaluated_at >= ? and evaluated_at < ? and id < ? order by id desc limit ?",
          (RowCallbackHandler) rs -> {
            page[0]++;
            page[1] = rs.getLong(1);
            seen[1] += rs.getString(2).length() + rs.getString(3).length() + rs.getString(4).length()
                + rs.getString(5).length() + rs.getString(6).length() + rs.getString(7).length()
                + rs.getString(8).length() + rs.getObject(9, OffsetDateTime.class).getNano();
          }, FROM.atOffset(java.time.ZoneOffset.UTC), TO.atOffset(java.time.ZoneOffset.UTC), below, size);
      seen[0] += page[0];
      if (page[0] < size) {
        break;
      }
      left -= (int) page[0];
      below = page[1];
    }
    sink = seen[1];
    return seen[0];
  }

  /** The rules alone: the candidate judges every decoded record as the replay does. */
  private static long judge(List<PreviewBenchAccess.Decoded> decoded, RuleSet candidate) {
    long failed = 0;
    for (PreviewBenchAccess.Decoded d : decoded) {
      failed += d.judgedBy(candidate).failures().size();
    }
    sink = failed;
    return decoded.size();
  }

  /**
   * Refuses a replay that skipped records or whose counts differ from the transitions counted here, record by record,
   * from the stored verdicts and the rules-alone arm's verdicts.
   */
  private static void check(RuleChangePreview once, int records, List<String[]> rows,
      List<PreviewBenchAccess.Decoded> decoded, RuleSet candidate) {
    if (once.total().replayed() != records || once.total().notReplayed() != 0 || decoded.size() != records) {
      throw new IllegalStateException("the replay did not replay all " + records + " records: " + once.total());
    }
    int passedToFailed = 0;
    int failedToPassed = 0;
    for (int i = 0; i < records; i++) {
      boolean was = rows.get(i)[4].equals("PASSED");
      boolean now = decoded.get(i).judgedBy(candidate).passed();
      passedToFailed += was && !now ? 1 : 0;
      failedToPassed += !was && now ? 1 : 0;
    }
    if (passedToFailed != once.total().passedToFailed() || failedToPassed != once.total().failedToPassed()) {
      throw new IllegalStateException("the replay counts " + once.total() + " but record by record " + passedToFailed
          + " passed→failed, " + failedToPassed + " failed→passed");
    }
  }

  /** Runs every arm once per round, the order rotating, after {@code warmUps} rounds; milliseconds per arm. */
  private static Map<String, double[]> interleave(Map<String, Callable<Long>> arms, int warmUps, int rounds) throws Exception {
    List<String> names = new ArrayList<>(arms.keySet());
    Map<String, double[]> ms = new java.util.LinkedHashMap<>();
    names.forEach(n -> ms.put(n, new double[rounds]));
    for (int round = -warmUps; round < rounds; round++) {
      for (int k = 0; k < names.size(); k++) {
        String name = names.get(Math.floorMod(round + k, names.size()));
        long t = System.nanoTime();
        arms.get(name).call();
        if (round >= 0) {
          ms.get(name)[round] = (System.nanoTime() - t) / 1e6;
        }
      }
    }
    return ms;
  }

  private static void report(Map<String, double[]> ms, int records, int rounds, String loadBefore) {
    double[] replay = ms.get("replay");
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "%n| Arm | median ms | min ms | max ms | µs per record | replay ÷ arm, median (min–max over %d rounds) |%n"
            + "|---|---:|---:|---:|---:|---:|%n", rounds));
    for (Map.Entry<String, double[]> arm : ms.entrySet()) {
      double[] v = arm.getValue();
      double[] ratios = new double[rounds];
      for (int i = 0; i < rounds; i++) {
        ratios[i] = replay[i] / v[i];
      }
      // the check does not depend on the records: no figure per record
      out.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %s | %s |%n", arm.getKey(), median(v), min(v),
          max(v), arm.getKey().equals("check") ? "—" : String.format(Locale.ROOT, "%.1f", median(v) * 1000 / records),
          arm.getKey().equals("replay") ? "—"
              : String.format(Locale.ROOT, "%.2f (%.2f–%.2f)", median(ratios), min(ratios), max(ratios))));
    }
    out.append(String.format(Locale.ROOT, "%nGoal: replaying %,d records ≤ 5 s: %s (median %.2f s)%n", records,
        median(replay) <= 5000 ? "PASS" : "MISS", median(replay) / 1000));
    out.append(String.format(Locale.ROOT, "Machine: %d CPUs, Java %s; load average (1, 5, 15 min) %s before, %s after%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadBefore, loadAverage()));
    System.out.println(out);
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static double min(double[] v) {
    return Arrays.stream(v).min().orElse(Double.NaN);
  }

  private static double max(double[] v) {
    return Arrays.stream(v).max().orElse(Double.NaN);
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

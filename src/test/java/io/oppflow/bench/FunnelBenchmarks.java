package io.oppflow.bench;

import io.oppflow.shared.Message;
import com.zaxxer.hikari.HikariDataSource;
import io.oppflow.funnel.FunnelBenchAccess;
import io.oppflow.funnel.FunnelFilter;
import io.oppflow.funnel.FunnelGrouping;
import io.oppflow.funnel.FunnelReport;
import io.oppflow.funnel.FunnelService;
import io.oppflow.funnel.StageDefinition;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The funnel benchmark on PostgreSQL (see {@code docs/benchmarks.md}): for each size, generate the data
 * ({@link FunnelDataGenerator}), then time {@code GET /api/funnel}'s query (one groupBy, one year) against the
 * naive way ({@link NaiveFunnel}) in the same run, after checking both give the same counts.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.oppflow.bench.FunnelBenchmarks</pre>
 *
 * <p>{@code -Dbench.sizes=10000,100000,300000} (default) chooses the numbers of opportunities;
 * {@code -Dbench.baselines=none} times the funnel query alone (for tuning).
 */
public final class FunnelBenchmarks {

  static final double GOAL_MS = 300;
  static final double GOAL_RATIO = 20;
  private static final double[] PROBABILITY = {0.05, 0.10, 0.20, 0.40, 0.60, 0.80, 0.90};

  private FunnelBenchmarks() {}

  public static void main(String[] args) throws Exception {
    int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "10000,100000,300000").split(","))
        .mapToInt(s -> Integer.parseInt(s.strip())).toArray();
    List<StageDefinition> stages = new ArrayList<>();
    Map<String, Double> probability = new HashMap<>();
    for (int i = 0; i < FunnelDataGenerator.STAGES.size(); i++) {
      String code = FunnelDataGenerator.STAGES.get(i);
      stages.add(new StageDefinition(code, i + 1, new Message(code, code), BigDecimal.valueOf(PROBABILITY[i])));
      probability.put(code, PROBABILITY[i]);
    }
    StringBuilder out = new StringBuilder();
    boolean baselines = !"none".equals(System.getProperty("bench.baselines"));
    out.append(String.format(Locale.ROOT, "| Opportunities | Stage intervals | ACT_HI_ACTINST rows | Load s"
        + " | Funnel query p50 ms | p90 ms | Naive JDBC p50 ms | Ratio | HistoryService p50 ms | Ratio"
        + " | Goal (<= %.0f ms; >= %.0fx JDBC / HistoryService) |%n", GOAL_MS, GOAL_RATIO));
    out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    long started = System.nanoTime();
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start(); HikariDataSource ds = new HikariDataSource()) {
      ds.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true" + System.getProperty("bench.url", ""));
      ds.setUsername("postgres");
      ds.setPassword("postgres");
      Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
      JdbcTemplate jdbc = new JdbcTemplate(ds);
      FunnelService funnel = FunnelBenchAccess.service(ds, FunnelDataGenerator.PROCESS, stages);
      HistoryServiceFunnel viaHistory = new HistoryServiceFunnel(ds);
      FunnelFilter year2026 = new FunnelFilter(FunnelDataGenerator.PROCESS, LocalDate.parse("2026-01-01"),
          LocalDate.parse("2027-01-01"), null, null, null, null, null);
      Instant from = Instant.parse("2026-01-01T00:00:00Z");
      Instant to = Instant.parse("2027-01-01T00:00:00Z");
      for (int size : sizes) {
        jdbc.execute("truncate stage_interval, opportunity restart identity cascade");
        long t0 = System.nanoTime();
        long intervals = new FunnelDataGenerator(42).generate(ds, size);
        // as autovacuum would soon after such a load: statistics, and the visibility map index-only scans need
        jdbc.execute("vacuum analyze stage_interval");
        jdbc.execute("vacuum analyze opportunity");
        long historyRows = baselines ? HistoryServiceFunnel.copyHistory(jdbc) : 0;
        double loadS = (System.nanoTime() - t0) / 1e9;
        hold(pg, size);
        int runs = size >= 300_000 ? 5 : 10;
        for (String q : System.getProperty("bench.explain", "").split(";")) {
          if (!q.isBlank()) {
            for (int i = 0; i < 2; i++) {
              jdbc.queryForList("explain (analyze, buffers) " + q, String.class).forEach(System.out::println);
            }
          }
        }
        FunnelReport fast = null;
        for (int i = 0; i < 3; i++) {
          fast = funnel.measure(year2026, FunnelGrouping.ORG_UNIT);
        }
        double[] fastMs = new double[runs * 2];
        for (int i = 0; i < fastMs.length; i++) {
          long t = System.nanoTime();
          funnel.measure(year2026, FunnelGrouping.ORG_UNIT);
          fastMs[i] = (System.nanoTime() - t) / 1e6;
        }
        double p50 = percentile(fastMs, 0.5);
        double p90 = percentile(fastMs, 0.9);
        if (!baselines) {
          System.out.printf(Locale.ROOT, "%,d opportunities, %,d intervals: funnel query p50 %.1f ms, p90 %.1f ms%n",
              size, intervals, p50, p90);
          continue;
        }
        NaiveFunnel.Result naive = null;
        for (int i = 0; i < 2; i++) {
          naive = NaiveFunnel.measure(ds, FunnelDataGenerator.PROCESS, from, to, probability);
        }
        double[] naiveMs = new double[runs];
        for (int i = 0; i < naiveMs.length; i++) {
          long t = System.nanoTime();
          NaiveFunnel.measure(ds, FunnelDataGenerator.PROCESS, from, to, probability);
          naiveMs[i] = (System.nanoTime() - t) / 1e6;
        }
        check(fast, naive);
        NaiveFunnel.Result viaHs = null;
        for (int i = 0; i < 2; i++) {
          viaHs = viaHistory.measure(ds, FunnelDataGenerator.PROCESS, from, to, probability);
        }
        double[] hsMs = new double[runs];
        for (int i = 0; i < hsMs.length; i++) {
          long t = System.nanoTime();
          viaHistory.measure(ds, FunnelDataGenerator.PROCESS, from, to, probability);
          hsMs[i] = (System.nanoTime() - t) / 1e6;
        }
        check(fast, viaHs);
        double hsP50 = percentile(hsMs, 0.5);
        double hsRatio = hsP50 / percentile(fastMs, 0.5);
        double naiveP50 = percentile(naiveMs, 0.5);
        double ratio = naiveP50 / p50;
        String line = String.format(Locale.ROOT,
            "| %,d | %,d | %,d | %.1f | %.1f | %.1f | %.1f | %.1fx | %.1f | %.1fx | %s |%n",
            size, intervals, historyRows, loadS, p50, p90, naiveP50, ratio, hsP50, hsRatio, verdict(p50, ratio, hsRatio));
        System.out.print(line);
        out.append(line);
      }
      viaHistory.close();
    }
    out.append(String.format(Locale.ROOT, "%nMachine: %d CPUs, Java %s, load average %.2f at end; run took %d s%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), (System.nanoTime() - started) / 1_000_000_000L));
    System.out.println();
    System.out.println(out);
  }

  private static String verdict(double p50, double jdbcRatio, double historyRatio) {
    return (p50 <= GOAL_MS ? "PASS" : "MISS") + "; " + (jdbcRatio >= GOAL_RATIO ? "PASS" : "MISS") + " / "
        + (historyRatio >= GOAL_RATIO ? "PASS" : "MISS");
  }

  /**
   * With {@code -Dbench.hold=<seconds>}, keeps the loaded database up that long (for psql: EXPLAIN, trying
   * indexes) before measuring.
   */
  private static void hold(EmbeddedPostgres pg, int size) throws InterruptedException {
    long seconds = Long.getLong("bench.hold", 0);
    if (seconds > 0) {
      System.out.printf("%,d loaded; psql -h localhost -p %d -U postgres postgres (holding %d s)%n", size, pg.getPort(), seconds);
      Thread.sleep(seconds * 1000);
    }
  }

  /** Refuses to report if the fast and the naive way disagree on any count. */
  private static void check(FunnelReport fast, NaiveFunnel.Result naive) {
    for (FunnelReport.Group g : fast.groups()) {
      long[] o = naive.outcomes().get(g.key());
      if (o == null || o[0] != g.won() || o[1] != g.lost() || o[2] != g.open()) {
        throw new IllegalStateException("won/lost/open differ for " + g.key());
      }
      for (FunnelReport.Stage s : g.stages()) {
        long[] n = naive.counts().getOrDefault(g.key(), Map.of()).getOrDefault(s.stage(), new long[4]);
        if (n[0] != s.entered() || n[1] != s.advanced() || n[2] != s.lost() || n[3] != s.open()) {
          throw new IllegalStateException("counts differ for " + g.key() + " " + s.stage());
        }
      }
    }
    for (String key : naive.counts().keySet()) {
      if (fast.groups().stream().noneMatch(g -> g.key().equals(key))) {
        throw new IllegalStateException("the funnel query has no group " + key);
      }
    }
  }

  private static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
  }
}

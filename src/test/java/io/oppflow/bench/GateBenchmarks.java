package io.oppflow.bench;

import io.oppflow.gate.GateVerdict;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs the stage-gate benchmarks and prints their summary (see {@code docs/benchmarks.md}):
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.oppflow.bench.GateBenchmarks</pre>
 *
 * <p>Run from the repository root: the benchmarks read the shipped rules from {@code rules/}. Full
 * JMH results go to {@code target/benchmarks/*.json}. Add {@code -Dbench.quick=true} for a smoke run
 * (seconds per benchmark; its numbers mean nothing).
 */
public final class GateBenchmarks {

  /** The goals of one gate evaluation with the rules, in µs. */
  static final double GOAL_P50_US = 20;
  static final double GOAL_P99_US = 100;

  /** {@code -Dbench.quick=true}: one short iteration of each, to check the set-up, not to measure. */
  private static final boolean QUICK = Boolean.getBoolean("bench.quick");
  private static final int EVAL_WARMUPS = QUICK ? 1 : 3;
  private static final int EVAL_MEASUREMENTS = QUICK ? 1 : 5;
  private static final TimeValue EVAL_ITERATION = QUICK ? TimeValue.milliseconds(200) : TimeValue.seconds(1);
  private static final int COMPILE_WARMUPS = QUICK ? 1 : 3;
  private static final int COMPILE_MEASUREMENTS = QUICK ? 1 : 5;
  private static final int COLD_COMPILE_FORKS = QUICK ? 1 : 3;
  private static final String[] FORK_JVM_ARGS = {"-Xms1g", "-Xmx1g"};

  private GateBenchmarks() {}

  public static void main(String[] args) throws Exception {
    exposeClasspathToForks();
    Path out = Files.createDirectories(Path.of("target", "benchmarks"));
    String loadBefore = loadAverage();
    long started = System.nanoTime();

    Options evaluation = new OptionsBuilder()
        .include(GateEvaluationBench.class.getName() + "\\.")
        .forks(1)
        .warmupIterations(EVAL_WARMUPS).warmupTime(EVAL_ITERATION)
        .measurementIterations(EVAL_MEASUREMENTS).measurementTime(EVAL_ITERATION)
        .jvmArgs(FORK_JVM_ARGS)
        .resultFormat(ResultFormatType.JSON).result(out.resolve("gate-evaluation.json").toString())
        .build();
    Collection<RunResult> evaluations = new Runner(evaluation).run();

    Options warmCompile = new OptionsBuilder()
        .include(RuleCompileBench.class.getName() + "\\.")
        .forks(1)
        .warmupIterations(COMPILE_WARMUPS)
        .measurementIterations(COMPILE_MEASUREMENTS)
        .jvmArgs(FORK_JVM_ARGS)
        .resultFormat(ResultFormatType.JSON).result(out.resolve("rule-compile-warm.json").toString())
        .build();
    RunResult warm = new Runner(warmCompile).runSingle();

    Options coldCompile = new OptionsBuilder()
        .include(RuleCompileBench.class.getName() + "\\.")
        .forks(COLD_COMPILE_FORKS)
        .warmupIterations(0)
        .measurementIterations(1)
        .jvmArgs(FORK_JVM_ARGS)
        .resultFormat(ResultFormatType.JSON).result(out.resolve("rule-compile-cold.json").toString())
        .build();
    RunResult cold = new Runner(coldCompile).runSingle();

    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    System.out.println();
    System.out.println(summary(evaluations, warm, cold, loadBefore, loadAverage(), seconds));
  }

  static String summary(Collection<RunResult> evaluations, RunResult warm, RunResult cold,
      String loadBefore, String loadAfter, long seconds) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "Stage gates of project-sales-funnel: one evaluation, µs (JMH SampleTime, %d x %s measured after %d x %s warm-up, 1 fork)%n",
        EVAL_MEASUREMENTS, EVAL_ITERATION, EVAL_WARMUPS, EVAL_ITERATION));
    s.append(String.format(Locale.ROOT, "Goal per gate with the rules: p50 <= %.0f µs and p99 <= %.0f µs%n%n", GOAL_P50_US, GOAL_P99_US));
    s.append(String.format(Locale.ROOT, "| %-16s | %-18s | %10s | %10s | %8s | %8s | %9s | %9s | %-4s |%n",
        "Stage", "Verdict (facts)", "Drools p50", "Drools p99", "Hand p50", "Hand p99", "Ratio p50", "Ratio p99", "Goal"));
    s.append("|------------------|--------------------|-----------:|-----------:|---------:|---------:|----------:|----------:|------|\n");
    int passed = 0;
    for (String stage : BenchFacts.STAGES) {
      Statistics drools = statistics(evaluations, "drools", stage);
      Statistics hand = statistics(evaluations, "handWritten", stage);
      if (drools == null || hand == null) {
        s.append(String.format(Locale.ROOT, "| %-16s | %-18s | %10s | %10s | %8s | %8s | %9s | %9s | %-4s |%n",
            stage, "", "n/a", "n/a", "n/a", "n/a", "", "", "n/a"));
        continue;
      }
      double dp50 = drools.getPercentile(50);
      double dp99 = drools.getPercentile(99);
      double hp50 = hand.getPercentile(50);
      double hp99 = hand.getPercentile(99);
      boolean goal = dp50 <= GOAL_P50_US && dp99 <= GOAL_P99_US;
      passed += goal ? 1 : 0;
      s.append(String.format(Locale.ROOT, "| %-16s | %-18s | %10.1f | %10.1f | %8.2f | %8.2f | %8.0fx | %8.0fx | %-4s |%n",
          stage, verdictOf(stage), dp50, dp99, hp50, hp99, dp50 / hp50, dp99 / hp99, goal ? "PASS" : "MISS"));
    }
    s.append(String.format(Locale.ROOT, "%nGoal met by %d of %d gates.%n", passed, BenchFacts.STAGES.size()));

    Statistics w = warm.getPrimaryResult().getStatistics();
    s.append(String.format(Locale.ROOT, "%nCompile the shipped rule set (rules/, read + compile), ms:%n"));
    s.append(String.format(Locale.ROOT, "  warm (JMH SingleShotTime, %d compiles after %d warm-up compiles, 1 fork): mean %.0f ± %.0f (99.9%% CI), min %.0f, max %.0f%n",
        COMPILE_MEASUREMENTS, COMPILE_WARMUPS, w.getMean(), w.getMeanErrorAt(0.999), w.getMin(), w.getMax()));
    List<String> colds = new ArrayList<>();
    for (var benchmark : cold.getBenchmarkResults()) {
      for (IterationResult i : benchmark.getIterationResults()) {
        colds.add(String.format(Locale.ROOT, "%.0f", i.getPrimaryResult().getScore()));
      }
    }
    Statistics c = cold.getPrimaryResult().getStatistics();
    s.append(String.format(Locale.ROOT, "  cold (first compile in a fresh JVM, %d forks): mean %.0f; samples %s%n",
        COLD_COMPILE_FORKS, c.getMean(), String.join(", ", colds)));

    s.append(String.format(Locale.ROOT, "%nMachine: %d CPUs, Java %s (%s), load average %s at start, %s at end; run took %d s%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), System.getProperty("java.vm.name"),
        loadBefore, loadAfter, seconds));
    return s.toString();
  }

  /** The verdict both implementations give on the benchmark's facts for {@code stage}. */
  private static String verdictOf(String stage) {
    BenchFacts.GateInput input = BenchFacts.at(stage);
    GateVerdict v = new HandWrittenGates().evaluate(input.request(), input.opportunity(), input.activities());
    int w = v.warnings().size();
    return v.verdict() + (w == 0 ? "" : ", " + w + (w == 1 ? " warning" : " warnings"));
  }

  private static Statistics statistics(Collection<RunResult> results, String method, String stage) {
    for (RunResult r : results) {
      if (r.getParams().getBenchmark().endsWith("." + method) && stage.equals(r.getParams().getParam("stage"))) {
        return r.getPrimaryResult().getStatistics();
      }
    }
    return null;
  }

  private static String loadAverage() {
    if (Files.isReadable(Path.of("/proc/loadavg"))) {
      try {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
        return parts[0] + " / " + parts[1] + " / " + parts[2];
      } catch (Exception e) {
        // fall through to the JMX figure
      }
    }
    return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  /**
   * JMH starts each fork with the {@code java.class.path} of this JVM. Under {@code mvn exec:java} that
   * is Maven's own launcher, not the project's test classpath, so put the class loader's entries there.
   */
  private static void exposeClasspathToForks() throws URISyntaxException {
    if (System.getProperty("java.class.path", "").contains("jmh-core")) {
      return;
    }
    Set<String> entries = new LinkedHashSet<>();
    for (ClassLoader cl = Thread.currentThread().getContextClassLoader(); cl != null; cl = cl.getParent()) {
      if (cl instanceof URLClassLoader urls) {
        for (URL url : urls.getURLs()) {
          if ("file".equals(url.getProtocol())) {
            entries.add(Path.of(url.toURI()).toString());
          }
        }
      }
    }
    if (!entries.isEmpty()) {
      System.setProperty("java.class.path", String.join(File.pathSeparator, entries));
    }
  }
}

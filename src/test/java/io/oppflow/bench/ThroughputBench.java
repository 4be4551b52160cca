package io.oppflow.bench;

import io.oppflow.OppflowApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stage advances and opportunity creations per second, the product against plain Camunda on the same BPMN, in one run
 * (see {@code docs/benchmarks.md}, "Stage advance against plain Camunda"). The whole service runs on embedded
 * PostgreSQL with {@code pg_stat_statements}; {@link PlainFunnel} derives the plain process from the shipped classic
 * funnel and sales-ops deploys it through {@code /engine-rest/deployment/create}; {@link FunnelClient}s drive both
 * over HTTP. For each number of clients, rounds run every {@link Arm} once for a fixed time, the order rotating from
 * round to round; the warm-up rounds are not kept. Not a test.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.oppflow.bench.ThroughputBench</pre>
 *
 * <p>{@code -Dbench.clients=1,2,4}, {@code -Dbench.seconds=10} (per arm and round), {@code -Dbench.rounds=5}
 * (measured), {@code -Dbench.warmup=2}; {@code -Dbench.quick=true}: 1 and 2 clients, 2 s, 1 + 1 rounds, a smoke run
 * whose figures mean little.
 */
public final class ThroughputBench {

  private static final String PASSWORD = "demo";
  /** Every client signs in as rep1: rep2's demo team has no manager without the demo data, which logs a warning per task. */
  private static final String REP = "rep1";

  private ThroughputBench() {}

  public static void main(String[] args) throws Exception {
    boolean quick = Boolean.getBoolean("bench.quick");
    int[] clientCounts = Arrays.stream(System.getProperty("bench.clients", quick ? "1,2" : "1,2,4").split(","))
        .map(String::strip).mapToInt(Integer::parseInt).toArray();
    int seconds = Integer.getInteger("bench.seconds", quick ? 2 : 10);
    int rounds = Integer.getInteger("bench.rounds", quick ? 1 : 5);
    int warmUp = Integer.getInteger("bench.warmup", quick ? 1 : 2);
    String loadBefore = loadAverage();
    Path dataDir = Files.createTempDirectory("throughput-pg");
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dataDir.toFile()).setCleanDataDirectory(true)
        .setServerConfig("shared_preload_libraries", "pg_stat_statements")
        .setServerConfig("pg_stat_statements.track", "all")
        .setServerConfig("pg_stat_statements.max", "10000").start()) {
      String jdbcUrl = pg.getJdbcUrl("postgres", "postgres");
      try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres"); Statement s = c.createStatement()) {
        s.execute("create extension if not exists pg_stat_statements");
      }
      long t0 = System.nanoTime();
      try (ConfigurableApplicationContext app = service(jdbcUrl);
          Connection counting = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
          LockWaitSampler locks = new LockWaitSampler(DriverManager.getConnection(jdbcUrl, "postgres", "postgres"))) {
        System.out.printf(Locale.ROOT, "Service up in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        int stages = stageCount();
        String runId = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        int most = Arrays.stream(clientCounts).max().orElseThrow();
        List<FunnelClient> clients = new ArrayList<>();
        for (int i = 0; i < most; i++) {
          clients.add(new FunnelClient(i, base, REP, PASSWORD, runId, stages));
        }
        deployPlain(new FunnelClient(99, base, "ops1", PASSWORD, runId, stages));
        new ShapeCheck(clients.get(0), new FunnelClient(98, base, "admin", PASSWORD, runId, stages), stages).run();
        Driver driver = new Driver(clients, new StatementCounts(counting), new CpuClock(dataDir), locks, seconds, stages);
        List<Arm.Run> kept = new ArrayList<>();
        for (int n : clientCounts) {
          kept.addAll(driver.rounds(n, warmUp, rounds));
        }
        System.out.println(new ThroughputReport(kept, clientCounts, seconds, rounds, warmUp, loadBefore, loadAverage()));
      }
    }
  }

  private static ConfigurableApplicationContext service(String jdbcUrl) {
    // as arguments, which outrank application.yml (default properties would not)
    return new SpringApplicationBuilder(OppflowApplication.class).run(
        "--spring.datasource.url=" + jdbcUrl,
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=postgres",
        "--server.port=0",
        "--oppflow.demo.data.enabled=false",
        "--logging.level.root=WARN");
  }

  /** The classic funnel's stages, as many as an opportunity advances through to be won. */
  private static int stageCount() {
    return (int) Bpmn.readModelFromFile(Path.of(PlainFunnel.SHIPPED).toFile()).getModelElementsByType(SubProcess.class)
        .stream().filter(s -> s.getId().startsWith("Stage_")).count();
  }

  /** Deploys the plain process as sales-ops deploy from Camunda Modeler: a multipart POST to /engine-rest. */
  private static void deployPlain(FunnelClient ops) throws Exception {
    String bpmn = PlainFunnel.derive();
    Path copy = Path.of("target", "benchmarks", PlainFunnel.KEY + ".bpmn");
    Files.createDirectories(copy.getParent());
    Files.writeString(copy, bpmn);
    String boundary = "----bench" + UUID.randomUUID();
    String body = part(boundary, "deployment-name", null, PlainFunnel.KEY)
        + part(boundary, "deployment-source", null, "ThroughputBench")
        + part(boundary, "data", PlainFunnel.KEY + ".bpmn", bpmn)
        + "--" + boundary + "--\r\n";
    FunnelClient.expect(ops.send(ops.post("/engine-rest/deployment/create", "multipart/form-data; boundary=" + boundary,
        body)), 200);
    System.out.println("Deployed " + PlainFunnel.KEY + " as ops1 through /engine-rest/deployment/create (a copy: " + copy + ")");
  }

  private static String part(String boundary, String name, String file, String content) {
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
        + (file == null ? "" : "; filename=\"" + file + "\"\r\nContent-Type: application/xml") + "\r\n\r\n" + content + "\r\n";
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  /** Runs the arms on the clients' threads. */
  static final class Driver {
    private final List<FunnelClient> clients;
    private final StatementCounts statements;
    private final CpuClock cpu;
    private final LockWaitSampler locks;
    private final int seconds;
    private final int stages;
    private final ExecutorService threads;
    private final Map<Arm, Double> perClientRate = new java.util.EnumMap<>(Arm.class);

    Driver(List<FunnelClient> clients, StatementCounts statements, CpuClock cpu, LockWaitSampler locks, int seconds,
        int stages) {
      this.clients = clients;
      this.statements = statements;
      this.cpu = cpu;
      this.locks = locks;
      this.seconds = seconds;
      this.stages = stages;
      int[] next = {0};
      this.threads = Executors.newFixedThreadPool(clients.size(), r -> {
        Thread t = new Thread(r, "bench-client-" + next[0]++);
        t.setDaemon(true);
        return t;
      });
      // a first guess of the rates, for the stock of the first advance arm; measured rates replace it
      for (Arm arm : Arm.values()) {
        perClientRate.put(arm, 60.0);
      }
    }

    /** Warm-up and measured rounds at {@code n} clients; the measured runs. */
    List<Arm.Run> rounds(int n, int warmUp, int measured) throws Exception {
      List<Arm> order = new ArrayList<>(List.of(Arm.values()));
      List<Arm.Run> kept = new ArrayList<>();
      for (int round = 0; round < warmUp + measured; round++) {
        for (Arm arm : order) {
          if (arm.isAdvance()) {
            stock(arm, n);
          }
          Arm.Run run = run(arm, n);
          perClientRate.put(arm, run.perSecond() / n);
          if (round >= warmUp) {
            kept.add(run);
          }
          System.out.printf(Locale.ROOT, "%d clients, %s %d, %-15s %7.1f/s  %5.0f statements/op  (load %s)%n", n,
              round < warmUp ? "warm-up" : "round", round < warmUp ? round + 1 : round - warmUp + 1, arm.label,
              run.perSecond(), StatementCounts.sent(run.statements()) / (double) run.operations(), loadAverage());
        }
        order.add(order.remove(0));
      }
      return kept;
    }

    /** Creates, untimed, what each client will advance in this arm (twice the last rate), if it has less. */
    private void stock(Arm arm, int n) throws Exception {
      int need = (int) Math.ceil(perClientRate.get(arm) * seconds * 2 / stages) + 1;
      parallel(n, client -> {
        while ((arm == Arm.PRODUCT_ADVANCE ? client.productStock() : client.plainStock()) < need) {
          arm.creator().runOnce(client);
        }
        return 0L;
      });
    }

    private Arm.Run run(Arm arm, int n) throws Exception {
      statements.reset();
      long serviceCpu = cpu.service();
      long databaseCpu = cpu.database();
      locks.start();
      long start = System.nanoTime();
      long deadline = start + seconds * 1_000_000_000L;
      List<Long> done = parallel(n, client -> {
        long ops = 0;
        while (System.nanoTime() < deadline) {
          arm.runOnce(client);
          ops++;
        }
        return ops;
      });
      double elapsed = (System.nanoTime() - start) / 1e9;
      double lockMs = locks.stopMillis();
      long serviceCpuUsed = cpu.service() - serviceCpu;
      long databaseCpuUsed = cpu.database() - databaseCpu;
      Map<String, Long> calls = statements.read();
      int top = Integer.getInteger("bench.top", 0);
      if (top > 0) {
        long ops = done.stream().mapToLong(Long::longValue).sum();
        System.out.printf(Locale.ROOT, "Top %d statements of %s at %d client(s), %d operations:%n", top, arm, n, ops);
        statements.top(top).forEach(line -> System.out.println("  " + line));
      }
      return new Arm.Run(arm, n, done.stream().mapToLong(Long::longValue).sum(), elapsed, calls, serviceCpuUsed,
          databaseCpuUsed, lockMs);
    }

    private List<Long> parallel(int n, ClientTask task) throws Exception {
      List<Future<Long>> futures = new ArrayList<>();
      for (FunnelClient client : clients.subList(0, n)) {
        futures.add(threads.submit(() -> task.run(client)));
      }
      List<Long> results = new ArrayList<>();
      for (Future<Long> f : futures) {
        results.add(f.get());
      }
      return results;
    }
  }

  @FunctionalInterface
  interface ClientTask {
    long run(FunnelClient client) throws Exception;
  }
}

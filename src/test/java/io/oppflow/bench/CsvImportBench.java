package io.oppflow.bench;

import static org.awaitility.Awaitility.await;

import io.oppflow.OppflowApplication;
import io.oppflow.support.ApiClient;
import io.oppflow.support.TestPostgresConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Times a 10,000-row CSV import end to end (POST, then poll until DONE) on H2 or PostgreSQL. Not a
 * test: run it by hand, see docs/importing.md.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.oppflow.bench.CsvImportBench -Dexec.args="h2 10000"</pre>
 * ({@code postgres} instead of {@code h2} for an embedded PostgreSQL.)
 */
public final class CsvImportBench {

  private static final List<String> STAGES =
      List.of("TARGET", "DISCOVER", "CONFIRM_INTENT", "INITIATE_PROJECT", "WIN_RECOGNITION", "NEGOTIATE", "CLOSE");

  private CsvImportBench() {}

  public static void main(String[] args) throws Exception {
    boolean postgres = args.length > 0 && args[0].equals("postgres");
    int rows = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    // system properties, so they win over the profiles' files
    System.setProperty("server.port", "0");
    System.setProperty("logging.level.root", "WARN");
    SpringApplicationBuilder app = new SpringApplicationBuilder(OppflowApplication.class);
    if (postgres) {
      System.setProperty("oppflow.admin.password", "bench-Admin-Passw0rd-1");
      System.setProperty("spring.datasource.url", "jdbc:postgresql://unused/unused");
      app.profiles("postgres", "demo").sources(TestPostgresConfiguration.class);
    } else {
      System.setProperty("spring.datasource.url", "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1");
      app.profiles("demo");
    }
    try (ConfigurableApplicationContext context = app.run()) {
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      ApiClient ops = ApiClient.as(port, "ops1");
      byte[] csv = file(rows).getBytes(StandardCharsets.UTF_8);
      com.sun.management.OperatingSystemMXBean os =
          (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      long cpuStart = os.getProcessCpuTime();
      long start = System.nanoTime();
      String id = ops.postForm("/api/imports", "file", "bench.csv", csv, Map.of("process", "project-sales-funnel"))
          .json().path("id").asText();
      String status = await("bench import " + id).atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(200))
          .until(() -> ops.get("/api/imports/" + id).json().path("status").asText(), s -> !s.equals("RUNNING"));
      long millis = (System.nanoTime() - start) / 1_000_000;
      long cpuMillis = (os.getProcessCpuTime() - cpuStart) / 1_000_000;
      // a loaded machine stretches wall-clock time: the CPU time of this JVM and the load tell how much
      System.out.printf("%s: %d rows, %s, %d ms wall, %d ms CPU of this JVM, %d cores, load %.1f: %s%n",
          postgres ? "PostgreSQL" : "H2", rows, status, millis, cpuMillis, os.getAvailableProcessors(),
          os.getSystemLoadAverage(),
          ops.get("/api/imports/" + id).body().replaceAll("\"errors\":\\[.*]", "\"errors\":[...]"));
    }
  }

  /** About half open (spread over the stages), 35% of the closed ones won, the rest lost. */
  static String file(int rows) {
    Random random = new Random(42);
    StringBuilder csv = new StringBuilder(
        "code,name,customer,customer_type,project_type,region,org_unit,owner,amount,currency,created_on,stage,status,closed_on,lost_reason\n");
    for (int i = 0; i < rows; i++) {
      int day = 1 + random.nextInt(28);
      String created = "2025-" + String.format("%02d", 1 + random.nextInt(6)) + "-" + String.format("%02d", day);
      String closed = "2025-" + String.format("%02d", 7 + random.nextInt(6)) + "-" + String.format("%02d", day);
      String tail = random.nextBoolean() ? STAGES.get(random.nextInt(STAGES.size())) + ",OPEN,,"
          : random.nextInt(100) < 35 ? ",WON," + closed + "," : ",LOST," + closed + ",COMPETITOR:某厂商";
      int team = random.nextInt(6);
      csv.append("BENCH-").append(i).append(",项目 ").append(i).append(",某公司 ").append(i % 500)
          .append(",NEW,SMALL,华东,HQ/East/Team-").append(team).append(",rep-").append(team).append('-')
          .append(random.nextInt(5)).append(',').append(10_000 + random.nextInt(990_000)).append(",CNY,")
          .append(created).append(',').append(tail).append('\n');
    }
    return csv.toString();
  }
}

package io.oppflow.bench;

import io.oppflow.OppflowApplication;
import io.oppflow.tasklist.TasklistBrowser;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The funnel page with 100,000 opportunities, in a real Chromium (see {@code docs/benchmarks.md}): the service on
 * embedded PostgreSQL, the history written by {@link FunnelDataGenerator}, then, interleaved in rounds, the time
 * from navigation to the figures on screen ({@code page}: summary and table), to the chart drawn as well
 * ({@code chart}), the same funnel's API call alone from the same browser ({@code api}), and the home page, which
 * draws no figures ({@code home}). Not a test.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.oppflow.bench.FunnelPageBench</pre>
 *
 * <p>{@code -Dbench.opportunities=100000} (default), {@code -Dbench.rounds=15} (default), {@code -Dbench.user=ops1}
 * (default; sales-ops sees every opportunity, {@code manager1} a quarter of them), {@code -Dbench.dataDir=/tmp/funnel-pg}
 * (keeps the database there and reuses its history on the next run; default a fresh one each run).
 */
public final class FunnelPageBench {

  static final double GOAL_MS = 1000;
  private static final String PROCESS = FunnelDataGenerator.PROCESS;
  private static final int WARM_UP = 3;

  private FunnelPageBench() {}

  public static void main(String[] args) throws Exception {
    int opportunities = Integer.getInteger("bench.opportunities", 100_000);
    int rounds = Integer.getInteger("bench.rounds", 15);
    String user = System.getProperty("bench.user", "ops1");
    try (EmbeddedPostgres pg = database();
        ConfigurableApplicationContext app = service(pg)) {
      DataSource ds = app.getBean(DataSource.class);
      JdbcTemplate jdbc = new JdbcTemplate(ds);
      Long present = jdbc.queryForObject("select count(*) from opportunity where process_key = ?", Long.class, PROCESS);
      if (present == null || present != opportunities) {
        jdbc.update("delete from stage_interval where process_key = ?", PROCESS);
        jdbc.update("delete from opportunity where process_key = ?", PROCESS);
        long t0 = System.nanoTime();
        long intervals = new FunnelDataGenerator(42).generate(ds, opportunities);
        jdbc.execute("vacuum analyze stage_interval");
        jdbc.execute("vacuum analyze opportunity");
        System.out.printf(Locale.ROOT, "Loaded %,d opportunities, %,d stage intervals in %.1f s%n", opportunities,
            intervals, (System.nanoTime() - t0) / 1e9);
      } else {
        System.out.printf(Locale.ROOT, "Reusing the %,d opportunities in %s%n", opportunities, System.getProperty("bench.dataDir"));
      }
      int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
      try (TasklistBrowser browser = TasklistBrowser.start(port, "bench")) {
        browser.driver().manage().window().setSize(new Dimension(1280, 800));
        // the webapps' first load can take long on a busy machine: the wait of the tests is too short here
        browser.driver().get(browser.tasklistUrl());
        try {
          new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(60))
              .until(d -> !d.findElements(By.cssSelector("input[ng-model='username']")).isEmpty());
        } catch (RuntimeException e) {
          System.out.println("Login page not shown at " + browser.driver().getCurrentUrl() + ":\n"
              + browser.driver().getPageSource().substring(0, Math.min(3000, browser.driver().getPageSource().length())));
          throw e;
        }
        TasklistBrowser.signIn(browser.driver(), new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(180)), user, "demo");
        browser.waiting().withTimeout(Duration.ofSeconds(180))
            .until(d -> !d.findElements(By.cssSelector(".task-filter")).isEmpty());
        Map<String, List<Double>> arms = measure(browser, port, rounds);
        System.out.println(report(arms, opportunities, user));
        System.out.println(breakdown(browser, "http://localhost:" + port));
      }
    }
  }

  private static EmbeddedPostgres database() throws java.io.IOException {
    String dir = System.getProperty("bench.dataDir");
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    if (dir != null) {
      builder.setDataDirectory(new java.io.File(dir)).setCleanDataDirectory(false);
    }
    return builder.start();
  }

  private static ConfigurableApplicationContext service(EmbeddedPostgres pg) {
    // as arguments, which outrank application.yml (default properties would not)
    return new SpringApplicationBuilder(OppflowApplication.class).run(
        "--spring.datasource.url=" + pg.getJdbcUrl("postgres", "postgres"),
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=postgres",
        "--server.port=0",
        "--oppflow.demo.data.enabled=false",
        "--logging.level.root=WARN");
  }

  /** Every round runs each arm once, the order rotating from round to round; the warm-up rounds are not kept. */
  private static Map<String, List<Double>> measure(TasklistBrowser browser, int port, int rounds) {
    String base = "http://localhost:" + port;
    Map<String, java.util.function.Supplier<Double>> arms = new LinkedHashMap<>();
    arms.put("page", () -> navigate(browser, base + "/funnel?process=" + PROCESS, "oppflow:figures"));
    arms.put("chart", () -> navigate(browser, base + "/funnel?process=" + PROCESS, "oppflow:chart"));
    arms.put("api", () -> apiCall(browser, base));
    arms.put("home", () -> navigate(browser, base + "/", "oppflow:header"));
    checkFigures(browser, base);
    Map<String, List<Double>> times = new LinkedHashMap<>();
    arms.keySet().forEach(name -> times.put(name, new ArrayList<>()));
    List<String> order = new ArrayList<>(arms.keySet());
    for (int round = 0; round < WARM_UP + rounds; round++) {
      for (String name : order) {
        double ms = arms.get(name).get();
        if (round >= WARM_UP) {
          times.get(name).add(ms);
        }
      }
      order.add(order.remove(0));
    }
    return times;
  }

  /** Milliseconds from the start of navigation to the page's performance mark. */
  private static double navigate(TasklistBrowser browser, String url, String mark) {
    WebDriver driver = browser.driver();
    driver.get(url);
    browser.waiting().withTimeout(Duration.ofSeconds(60)).until(d -> (Boolean) ((JavascriptExecutor) d)
        .executeScript("return performance.getEntriesByName(arguments[0]).length > 0", mark));
    return ((Number) ((JavascriptExecutor) driver)
        .executeScript("return performance.getEntriesByName(arguments[0])[0].startTime", mark)).doubleValue();
  }

  /** Milliseconds of GET /api/funnel and its JSON, fetched by the signed-in browser from the home page. */
  private static double apiCall(TasklistBrowser browser, String base) {
    WebDriver driver = browser.driver();
    if (!driver.getCurrentUrl().startsWith(base + "/")) {
      driver.get(base + "/");
    }
    Object ms = ((JavascriptExecutor) driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "const t0 = performance.now();"
        + "fetch('/api/funnel?process=" + PROCESS + "', {headers: {Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest'}})"
        + ".then(r => r.json()).then(() => done(performance.now() - t0), e => done(-1));");
    double value = ((Number) ms).doubleValue();
    if (value < 0) {
      throw new IllegalStateException("GET /api/funnel failed in the browser");
    }
    return value;
  }

  /** Refuses to report unless the page shows the API's figures (the first stage's entries). */
  private static void checkFigures(TasklistBrowser browser, String base) {
    browser.waiting().withTimeout(Duration.ofSeconds(60));
    navigate(browser, base + "/funnel?process=" + PROCESS, "oppflow:figures");
    String shown = browser.driver().findElement(By.cssSelector("#funnel-table tr[data-stage='TARGET'] td[data-figure='entered']"))
        .getText().replaceAll("[^0-9]", "");
    Object fromApi = ((JavascriptExecutor) browser.driver()).executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "fetch('/api/funnel?process=" + PROCESS + "', {headers: {Accept: 'application/json'}}).then(r => r.json())"
        + ".then(f => done(String(f.groups[0].stages[0].entered)));");
    if (!shown.equals(fromApi)) {
      throw new IllegalStateException("The page shows " + shown + " entries in TARGET, the API " + fromApi);
    }
    System.out.printf(Locale.ROOT, "Page and API agree: %s entries in TARGET%n", shown);
  }

  /** Where one navigation to the funnel page spends its time: each request's start and end, and the marks. */
  private static String breakdown(TasklistBrowser browser, String base) {
    navigate(browser, base + "/funnel?process=" + PROCESS, "oppflow:figures");
    Object lines = ((JavascriptExecutor) browser.driver()).executeScript(
        "return [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource'),"
            + " ...performance.getEntriesByType('mark')].sort((a, b) => a.startTime - b.startTime)"
            + ".map(e => `${e.startTime.toFixed(0).padStart(6)} ${(e.startTime + e.duration).toFixed(0).padStart(6)} `"
            + " + `${e.entryType.padEnd(10)} ${e.name.replace(location.origin, '')}`).join('\\n')");
    return "One navigation (start ms, end ms, entry):\n" + lines;
  }

  private static String report(Map<String, List<Double>> arms, int opportunities, String user) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "%n%,d opportunities, signed in as %s, %d rounds%n%n| Arm | median ms | min ms | max ms | page ÷ arm, median (min–max) |%n"
            + "|---|---:|---:|---:|---:|%n", opportunities, user, arms.get("page").size()));
    List<Double> page = arms.get("page");
    for (Map.Entry<String, List<Double>> arm : arms.entrySet()) {
      double[] v = arm.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
      String ratio = "—";
      if (!arm.getKey().equals("page")) {
        double[] r = new double[v.length];
        for (int i = 0; i < r.length; i++) {
          r[i] = page.get(i) / arm.getValue().get(i);
        }
        Arrays.sort(r);
        ratio = String.format(Locale.ROOT, "%.2f (%.2f–%.2f)", median(r), r[0], r[r.length - 1]);
      }
      out.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %s |%n", arm.getKey(), median(v), v[0],
          v[v.length - 1], ratio));
    }
    double pageMedian = median(page.stream().mapToDouble(Double::doubleValue).sorted().toArray());
    out.append(String.format(Locale.ROOT, "%nGoal: figures on screen <= %.0f ms after navigation: %s (median %.0f ms)%n",
        GOAL_MS, pageMedian <= GOAL_MS ? "met" : "NOT met", pageMedian));
    return out.toString();
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}

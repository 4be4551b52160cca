package io.oppflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.oppflow.OppflowApplication;
import io.oppflow.support.ApiClient;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The back-test table of docs/benchmarks.md ("Forecast back-test on a realistic history"): generates a history shaped
 * like the public CRM data set of issue 14 (about 8,800 opportunities of 35 agents in classic-funnel, engaged
 * 2016-10-20 … 2017-12-31, no expected close dates, amounts only on won deals), then prints the back-test of every
 * method (stage-age-seasonal too) and the naive baselines for the quarters and months of 2017 as Markdown. Not a
 * test: run it by hand.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.oppflow.bench.ForecastBacktestBench</pre>
 * ({@code -Dexec.args="seed"} for another seed; default 14.)
 */
public final class ForecastBacktestBench {

  private static final String PROCESS = "classic-funnel";
  private static final LocalDate FIRST = LocalDate.of(2016, 10, 20);
  private static final LocalDate LAST = LocalDate.of(2017, 12, 31);
  private static final OffsetDateTime DATA_END = LAST.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
  private static final String ORG_UNIT = "HQ/East/BENCH-CRM";

  private ForecastBacktestBench() {}

  public static void main(String[] args) throws Exception {
    long seed = args.length > 0 ? Long.parseLong(args[0]) : 14;
    System.setProperty("server.port", "0");
    System.setProperty("logging.level.root", "WARN");
    System.setProperty("spring.datasource.url", "jdbc:h2:mem:forecastbench;DB_CLOSE_DELAY=-1");
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(OppflowApplication.class).profiles("demo").run()) {
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      int rows = generate(context.getBean(JdbcTemplate.class), new Random(seed));
      System.out.println("Generated " + rows + " opportunities (seed " + seed + ")\n");
      ApiClient ops = ApiClient.as(port, "ops1");
      print(ops.get("/api/forecast/backtest?process=" + PROCESS + "&orgUnit=" + ORG_UNIT
          + "&period=2018-Q1&periods=4&windowMonths=12").json(), "Quarters of 2017, window 12 months");
      print(ops.get("/api/forecast/backtest?process=" + PROCESS + "&orgUnit=" + ORG_UNIT
          + "&period=2018-01&periods=12&windowMonths=6").json(), "Months of 2017, window 6 months");
      // A year back from 2017-11 and 2017-12 lies in the history (it begins 2016-10-20): the only periods where
      // stage-age-seasonal has a same-season start; elsewhere it falls back to stage-age.
      print(ops.get("/api/forecast/backtest?process=" + PROCESS + "&orgUnit=" + ORG_UNIT
          + "&period=2018-01&periods=12&windowMonths=12").json(), "Months of 2017, window 12 months");
    }
  }

  /**
   * Engagements arrive on weekdays at a rate that grows through the year and dips in December–January; each spends
   * 0–14 days identified (6 % never leave), then is engaged (CONTACT) until it closes after a log-normal time
   * (median 45 days, at most 140): 63 % of the closed are won, at a log-normal value (median 1,500). Whatever would
   * close after 2017-12-31 is still open, and open deals and lost ones carry no amount, as in the public data set.
   */
  static int generate(JdbcTemplate jdbc, Random random) {
    List<Object[]> opportunities = new ArrayList<>();
    List<Object[]> intervals = new ArrayList<>();
    int n = 0;
    for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
      if (day.getDayOfWeek().getValue() > 5) {
        continue;
      }
      double months = (day.toEpochDay() - FIRST.toEpochDay()) / 30.4;
      double season = day.getMonthValue() == 12 || day.getMonthValue() == 1 ? 0.75 : day.getMonthValue() >= 7 && day.getMonthValue() <= 9 ? 1.15 : 1.0;
      double rate = (22 + 0.8 * months) * season;
      int arrivals = poisson(random, rate);
      for (int i = 0; i < arrivals; i++) {
        n++;
        String code = "BENCH-" + n;
        String owner = "agent-" + (1 + random.nextInt(35));
        OffsetDateTime created = day.atStartOfDay().atOffset(ZoneOffset.UTC).plusHours(8 + random.nextInt(10));
        boolean prospectOnly = random.nextDouble() < 0.06;
        OffsetDateTime engaged = created.plusDays(random.nextInt(15));
        OffsetDateTime closes = engaged.plusDays(Math.min(140, Math.max(1, Math.round(Math.exp(Math.log(45) + 0.6 * random.nextGaussian())))));
        boolean won = random.nextDouble() < 0.63;
        boolean open = prospectOnly || !closes.isBefore(DATA_END);
        if (!prospectOnly && engaged.isAfter(DATA_END)) {
          engaged = DATA_END.minusHours(1);
        }
        String status = open ? "OPEN" : won ? "WON" : "LOST";
        BigDecimal amount = status.equals("WON")
            ? BigDecimal.valueOf(Math.round(Math.exp(Math.log(1500) + 0.8 * random.nextGaussian()))) : null;
        OffsetDateTime closed = open ? null : closes;
        String stage = prospectOnly ? "IDENTIFIED" : "CONTACT";
        opportunities.add(new Object[] {code, "CRM " + n, ORG_UNIT, owner, amount, stage, status, created, closed == null ? created : closed, closed});
        intervals.add(new Object[] {code, "IDENTIFIED", 1, created, prospectOnly ? null : engaged, prospectOnly ? null : "ADVANCED"});
        if (!prospectOnly) {
          intervals.add(new Object[] {code, "CONTACT", 2, engaged, closed, open ? null : won ? "ADVANCED" : "LOST"});
        }
      }
    }
    jdbc.batchUpdate("insert into opportunity (version, code, process_key, name, org_unit, owner, amount, currency,"
        + " expected_close_date, stage, status, created_at, updated_at, closed_at)"
        + " values (0, ?, '" + PROCESS + "', ?, ?, ?, ?, 'CNY', null, ?, ?, ?, ?, ?)", opportunities);
    jdbc.batchUpdate("insert into stage_interval (opportunity_code, process_key, stage, stage_order, entered_at,"
        + " left_at, outcome, source) values (?, '" + PROCESS + "', ?, ?, ?, ?, ?, 'IMPORT')", intervals);
    return n;
  }

  private static int poisson(Random random, double mean) {
    double l = Math.exp(-mean);
    double p = 1;
    int k = 0;
    do {
      k++;
      p *= random.nextDouble();
    } while (p > l);
    return k - 1;
  }

  private static void print(JsonNode b, String title) {
    List<String> methods = new ArrayList<>();
    b.path("rows").get(0).path("forecasts").forEach(f -> methods.add(f.path("method").asText()));
    StringBuilder out = new StringBuilder("### " + title + "\n\n| period | actual |");
    methods.forEach(m -> out.append(' ').append(m).append(" | error |"));
    out.append("\n|---|---:|").append("---:|---:|".repeat(methods.size())).append('\n');
    for (JsonNode row : b.path("rows")) {
      out.append("| ").append(row.path("period").asText()).append(" | ").append(money(row.path("actual"))).append(" |");
      for (JsonNode f : row.path("forecasts")) {
        out.append(' ').append(money(f.path("forecast"))).append(" | ").append(percent(f.path("errorPercent"))).append(" |");
      }
      out.append('\n');
    }
    out.append("| **MAPE** | |");
    for (JsonNode a : b.path("accuracy")) {
      out.append(" | ").append(a.path("mape").isMissingNode() ? "–" : String.format("%.1f %%", a.path("mape").decimalValue())).append(a.path("beatsBaselines").asBoolean(false) ? " ✓" : "")
          .append(" (").append(a.path("periodsMeasured").asInt()).append(") |");
    }
    out.append("\n\ntrust: ").append(b.path("trust").asText("none")).append(" — ").append(b.path("reason").asText()).append('\n');
    System.out.println(out);
  }

  private static String money(JsonNode value) {
    return value.isMissingNode() || value.isNull() ? "–" : String.format("%,.0f", value.decimalValue());
  }

  private static String percent(JsonNode value) {
    return value.isMissingNode() || value.isNull() ? "–" : String.format("%+.1f %%", value.decimalValue()).replace("+0.0", "0.0");
  }
}

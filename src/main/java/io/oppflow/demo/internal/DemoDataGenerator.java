package io.oppflow.demo.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.oppflow.demo.DemoData;
import io.oppflow.demo.DemoEngine;
import io.oppflow.funnel.StageCatalog;
import io.oppflow.funnel.StageDefinition;
import io.oppflow.opportunity.OpportunityFilter;
import io.oppflow.opportunity.OpportunityService;
import io.oppflow.progression.StageProgression;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates the demo data at the start, after the processes are deployed and the demo users exist, and only into
 * a database without opportunities (a restart changes nothing). It runs before the start is over: until it has
 * ended {@link DemoDataGate} answers every request with 503, the readiness probe says "refusing traffic", and the
 * engine's clock (the service's too) is moved to each simulated moment; afterwards the clock is the system's
 * again, also when the generation failed (which is logged; the service then starts with what was made). On with
 * {@code oppflow.demo.data.enabled} (the demo profile's default); never in the {@code postgres} profile.
 */
@Component
@Order(100)
@ConditionalOnProperty(name = "oppflow.demo.data.enabled", havingValue = "true")
class DemoDataGenerator implements DemoData, ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);

  private final DemoDataProperties properties;
  private final OpportunityService opportunities;
  private final StageProgression progression;
  private final StageCatalog catalog;
  private final DemoEngine engine;
  private final Clock clock;
  private final ObjectMapper json;
  private final TransactionTemplate transactions;
  private final CompletableFuture<DemoDataReport> done = new CompletableFuture<>();

  DemoDataGenerator(DemoDataProperties properties, OpportunityService opportunities, StageProgression progression,
      StageCatalog catalog, DemoEngine engine, Clock clock, ObjectMapper json, TransactionTemplate transactions) {
    this.properties = properties;
    this.opportunities = opportunities;
    this.progression = progression;
    this.catalog = catalog;
    this.engine = engine;
    this.clock = clock;
    this.json = json;
    this.transactions = transactions;
  }

  @Override
  public CompletableFuture<DemoDataReport> done() {
    return done;
  }

  /** True until the generation has ended (or was skipped): the service does not serve users before. */
  boolean running() {
    return !done.isDone();
  }

  @Override
  public void run(ApplicationArguments args) {
    generate();
  }

  /** Generates (or skips); the clock is reset before {@link #done()} completes, also after a failure. */
  void generate() {
    DemoDataReport report = null;
    Throwable failure = null;
    try {
      report = make();
    } catch (RuntimeException | Error e) {
      failure = e;
    } finally {
      // the simulation resets it too; this also covers a failure before the first step
      engine.resetClock();
    }
    if (failure == null) {
      done.complete(report);
      return;
    }
    log.error("Demo data: generation stopped; the service starts with what was made", failure);
    done.completeExceptionally(failure);
    if (failure instanceof Error error) {
      throw error;
    }
  }

  private DemoDataReport make() {
    if (opportunities.list(new OpportunityFilter(null, null, null), PageRequest.of(0, 1), DemoRoster.OPS)
        .getTotalElements() > 0) {
      log.info("Demo data: opportunities exist already, nothing generated");
      return new DemoDataReport(true, 0, 0, 0, 0, 0, 0, 0, 0);
    }
    Instant now = clock.instant();
    DemoPlan plan = new DemoPlan(properties.seed(), stagesOf(), limitsOf(), now, properties.months())
        .plan(properties.opportunities());
    log.info("Demo data: generating {} opportunities over the last {} months through the stage processes"
        + " (the service takes requests once this is done)", properties.opportunities(), properties.months());
    DemoDataReport report = new DemoSimulation(opportunities, progression, engine, clock, json, transactions)
        .play(plan.steps(), plan.deals().size(), now);
    log.info("Demo data: {} opportunities in {} s ({} won, {} lost, {} exceptions, {} stalled-stage timers fired,"
        + " {} bypass, {} failed steps)", report.opportunities(), report.millis() / 1000, report.won(),
        report.lost(), report.exceptions(), report.stalledTimers(), report.bypasses(), report.failedSteps());
    return report;
  }

  private Map<String, List<String>> stagesOf() {
    Map<String, List<String>> stages = new LinkedHashMap<>();
    for (String process : List.of(DemoPlan.PROJECT_SALES, DemoPlan.CLASSIC)) {
      stages.put(process, catalog.stagesOf(process).stream().map(StageDefinition::code).toList());
    }
    return stages;
  }

  private Map<String, Map<String, Duration>> limitsOf() {
    Map<String, Map<String, Duration>> limits = new LinkedHashMap<>();
    for (String process : List.of(DemoPlan.PROJECT_SALES, DemoPlan.CLASSIC)) {
      Map<String, Duration> byStage = new LinkedHashMap<>();
      for (StageDefinition stage : catalog.stagesOf(process)) {
        if (stage.dwellLimit() != null) {
          byStage.put(stage.code(), Duration.parse(stage.dwellLimit()));
        }
      }
      limits.put(process, byStage);
    }
    return limits;
  }
}

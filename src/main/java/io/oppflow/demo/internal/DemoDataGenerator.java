package io.oppflow.demo.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.oppflow.demo.DemoData;
import io.oppflow.demo.DemoEngine;
import io.oppflow.funnel.StageCatalog;
import io.oppflow.funnel.StageDefinition;
import io.oppflow.opportunity.OpportunityFilter;
import io.oppflow.opportunity.OpportunityService;
import io.oppflow.progression.StageProgression;
import io.oppflow.shared.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Generates the demo data once the service is up, on a thread of its own so the start is not held up, and only
 * into a database without opportunities (a restart changes nothing). On with {@code oppflow.demo.data.enabled}
 * (the demo profile's default); never in the {@code postgres} profile.
 */
@Component
@ConditionalOnProperty(name = "oppflow.demo.data.enabled", havingValue = "true")
class DemoDataGenerator implements DemoData {

  private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);

  private final DemoDataProperties properties;
  private final OpportunityService opportunities;
  private final StageProgression progression;
  private final StageCatalog catalog;
  private final DemoEngine engine;
  private final MovableClock clock;
  private final ObjectMapper json;
  private final CompletableFuture<DemoDataReport> done = new CompletableFuture<>();

  DemoDataGenerator(DemoDataProperties properties, OpportunityService opportunities, StageProgression progression,
      StageCatalog catalog, DemoEngine engine, MovableClock clock, ObjectMapper json) {
    this.properties = properties;
    this.opportunities = opportunities;
    this.progression = progression;
    this.catalog = catalog;
    this.engine = engine;
    this.clock = clock;
    this.json = json;
  }

  @Override
  public CompletableFuture<DemoDataReport> done() {
    return done;
  }

  @EventListener(ApplicationReadyEvent.class)
  void generateInTheBackground() {
    Thread thread = new Thread(this::generate, "demo-data");
    thread.setDaemon(true);
    thread.start();
  }

  void generate() {
    try {
      if (opportunities.list(new OpportunityFilter(null, null, null), PageRequest.of(0, 1), DemoRoster.OPS)
          .getTotalElements() > 0) {
        log.info("Demo data: opportunities exist already, nothing generated");
        done.complete(new DemoDataReport(true, 0, 0, 0, 0, 0, 0, 0, 0));
        return;
      }
      Instant now = clock.instant();
      DemoPlan plan = new DemoPlan(properties.seed(), stagesOf(), limitsOf(), now, properties.months())
          .plan(properties.opportunities());
      log.info("Demo data: generating {} opportunities over the last {} months through the stage processes",
          properties.opportunities(), properties.months());
      DemoDataReport report = new DemoSimulation(opportunities, progression, engine, clock, json)
          .play(plan.steps(), plan.deals().size(), now);
      log.info("Demo data: {} opportunities in {} s ({} won, {} lost, {} exceptions, {} stalled-stage timers fired,"
          + " {} bypass, {} failed steps)", report.opportunities(), report.millis() / 1000, report.won(),
          report.lost(), report.exceptions(), report.stalledTimers(), report.bypasses(), report.failedSteps());
      done.complete(report);
    } catch (RuntimeException e) {
      log.error("Demo data: generation stopped", e);
      done.completeExceptionally(e);
    }
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

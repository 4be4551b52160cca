package io.oppflow.demo.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oppflow.demo.DemoData.DemoDataReport;
import io.oppflow.demo.DemoEngine;
import io.oppflow.demo.internal.DemoStep.Action;
import io.oppflow.opportunity.ChangePrecondition;
import io.oppflow.opportunity.LossReason;
import io.oppflow.opportunity.NewActivity;
import io.oppflow.opportunity.NewOpportunity;
import io.oppflow.opportunity.OpportunityFacts;
import io.oppflow.opportunity.OpportunityService;
import io.oppflow.opportunity.OpportunityStatus;
import io.oppflow.progression.LossRequest;
import io.oppflow.progression.StageProgression;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Plays a {@link DemoPlan} through the real services in time order: before each step the engine's clock (which
 * is the service's clock too) stands at the step's moment, and the stage timers due by then fire, so every
 * history event, gate record, exception and stage interval carries its simulated date. A step that fails is
 * logged and the rest of its opportunity's story is dropped; the others go on.
 */
final class DemoSimulation {

  private static final Logger log = LoggerFactory.getLogger(DemoSimulation.class);

  private final OpportunityService opportunities;
  private final StageProgression progression;
  private final DemoEngine engine;
  private final Clock clock;
  private final ObjectMapper json;
  private final TransactionOperations transactions;
  private final Map<String, ObjectNode> facts = new HashMap<>();
  private final Map<String, Long> pendingExceptions = new HashMap<>();
  private final Set<String> dropped = new HashSet<>();
  private int won;
  private int lost;
  private int exceptions;
  private int bypasses;
  private int timers;
  private int failed;
  /** Per kind of step (and the timers, under {@code null}): count, wall and CPU nanoseconds; logged at the end. */
  private final Map<Action, long[]> spent = new EnumMap<>(Action.class);
  private final long[] timerSpent = new long[3];
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  DemoSimulation(OpportunityService opportunities, StageProgression progression, DemoEngine engine,
      Clock clock, ObjectMapper json, TransactionOperations transactions) {
    this.opportunities = opportunities;
    this.progression = progression;
    this.engine = engine;
    this.clock = clock;
    this.json = json;
    this.transactions = transactions;
  }

  /**
   * Plays every step, then the timers due by {@code now}; afterwards, also when a step or the engine failed, the
   * clock is the system's again and the job executor runs again if it ran before.
   */
  DemoDataReport play(List<DemoStep> steps, int deals, Instant now) {
    long started = System.currentTimeMillis();
    boolean jobsWereRunning = engine.pauseJobs();
    try {
      int done = 0;
      for (DemoStep step : steps) {
        moveTo(step.at());
        if (!dropped.contains(step.deal().code())) {
          play(step);
        }
        if (++done % Math.max(1, steps.size() / 10) == 0) {
          log.info("Demo data: {} of {} steps played (simulated date {})", done, steps.size(),
              LocalDate.ofInstant(step.at(), clock.getZone()));
        }
      }
      moveTo(now.truncatedTo(ChronoUnit.MILLIS));
      log.info("Demo data: time by step kind (count, wall ms, CPU ms of this thread): {}", spentReport());
    } finally {
      engine.resetClock();
      if (jobsWereRunning) {
        engine.resumeJobs();
      }
    }
    return new DemoDataReport(false, deals, won, lost, exceptions, bypasses, timers, failed,
        System.currentTimeMillis() - started);
  }

  private void moveTo(Instant at) {
    long wall = System.nanoTime();
    long cpu = cpuNanos();
    engine.moveClockTo(at);
    timers += engine.fireDueTimers();
    add(timerSpent, wall, cpu);
  }

  private void play(DemoStep step) {
    long wall = System.nanoTime();
    long cpu = cpuNanos();
    try {
      playTimed(step);
    } finally {
      add(spent.computeIfAbsent(step.action(), a -> new long[3]), wall, cpu);
    }
  }

  private long cpuNanos() {
    return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
  }

  private void add(long[] into, long wall, long cpu) {
    into[0]++;
    into[1] += System.nanoTime() - wall;
    into[2] += cpuNanos() - cpu;
  }

  private String spentReport() {
    StringBuilder report = new StringBuilder();
    spent.forEach((action, s) -> report.append(action).append(' ').append(s[0]).append('/').append(s[1] / 1_000_000)
        .append('/').append(s[2] / 1_000_000).append(", "));
    return report.append("timers ").append(timerSpent[0]).append('/').append(timerSpent[1] / 1_000_000).append('/')
        .append(timerSpent[2] / 1_000_000).toString();
  }

  private void playTimed(DemoStep step) {
    DemoDeal deal = step.deal();
    try {
      switch (step.action()) {
        case OPEN -> open(deal);
        case RECORD -> record(deal, step.stage(), false);
        case RECORD_WITH_GAP -> record(deal, step.stage(), true);
        case ADVANCE -> advance(deal);
        case REQUEST_EXCEPTION -> request(deal, step.stage());
        case APPROVE, REJECT -> decide(deal, step.action() == Action.APPROVE);
        case LOSE -> lose(deal);
        case BYPASS -> bypass(deal, step.stage());
      }
    } catch (RuntimeException e) {
      failed++;
      dropped.add(deal.code());
      log.warn("Demo data: {} of {} failed ({}); the rest of its story is dropped", step.action(), deal.code(),
          e.getMessage());
      log.debug("Demo data step failure", e);
    }
  }

  private void open(DemoDeal deal) {
    ObjectNode opening = DemoFacts.opening(deal);
    facts.put(deal.code(), opening);
    opportunities.open(new NewOpportunity(deal.code(), deal.process(), deal.rep().id(), deal.rep().team(),
        facts(opening)), deal.rep().actor());
  }

  private void record(DemoDeal deal, int stage, boolean withGap) {
    LocalDate today = LocalDate.now(clock);
    ObjectNode current = facts.get(deal.code());
    DemoFacts.recordUpTo(current, deal, stage, withGap, today);
    OpportunityFacts recorded = facts(current);
    // one transaction for the facts and the activities of the one moment: the open task's captions and activity
    // list (OpenTaskCaptions, after commit) are then written once, with what all of them made
    transactions.executeWithoutResult(status -> {
      opportunities.update(deal.code(), o -> recorded, null, deal.rep().actor());
      for (NewActivity activity : DemoFacts.activities(deal, deal.stages().get(stage), today)) {
        opportunities.logActivity(deal.code(), activity, deal.rep().actor());
      }
    });
  }

  private void advance(DemoDeal deal) {
    if (progression.advance(deal.code(), ChangePrecondition.NONE, deal.rep().actor()).status() == OpportunityStatus.WON) {
      won++;
    }
  }

  private void request(DemoDeal deal, int stage) {
    String reason = "战略客户，缺项 " + deal.stages().get(stage) + " 阶段资料正在补充 / strategic account, the missing"
        + " item is being collected";
    pendingExceptions.put(deal.code(), progression.requestException(deal.code(), reason, deal.rep().actor()).id());
    exceptions++;
  }

  private void decide(DemoDeal deal, boolean approve) {
    String reason = approve ? "客户高层已口头确认，批准例外 / confirmed by the customer's leadership; approved"
        : "请先补齐资料再推进 / complete the facts first";
    progression.decideException(pendingExceptions.remove(deal.code()), approve, reason, deal.rep().managerActor());
  }

  private void lose(DemoDeal deal) {
    int roll = Math.floorMod(deal.code().hashCode(), 20);
    LossRequest request = roll < 9 ? new LossRequest(LossReason.CUSTOMER_STOPPED, null, null, null)
        : roll < 17 ? new LossRequest(LossReason.COMPETITOR, deal.competitor(), "价格 / price", null)
        : new LossRequest(LossReason.OTHER, null, "客户重组，项目搁置 / reorganisation, project shelved", null);
    progression.lose(deal.code(), request, ChangePrecondition.NONE, deal.rep().actor());
    lost++;
  }

  private void bypass(DemoDeal deal, int stage) {
    String pid = opportunities.view(deal.code()).processInstanceId();
    engine.bypass(pid, deal.stages().get(stage), "NEGOTIATE", DemoRoster.ADMIN);
    bypasses++;
  }

  private OpportunityFacts facts(ObjectNode node) {
    try {
      return json.treeToValue(node, OpportunityFacts.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Demo facts do not read as opportunity facts: " + e.getOriginalMessage(), e);
    }
  }
}

package io.oppflow.demo.internal;

import io.oppflow.demo.internal.DemoStep.Action;
import io.oppflow.demo.internal.DemoRoster.Rep;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The story of every generated opportunity as time-stamped steps, drawn from one seeded {@link Random}: created
 * evenly over the period; in each stage a log-normal dwell under the stage's dwell limit (so only the deals meant
 * to stall overrun it); most lost in the early stages, some won; a few exceptions; one bypass.
 */
final class DemoPlan {

  static final String PROJECT_SALES = "project-sales-funnel";
  static final String CLASSIC = "classic-funnel";
  private static final Duration MINUTE = Duration.ofMinutes(1);
  /** Chance to pass each stage's gate, by stage index: the funnel narrows fastest at the top. */
  private static final double[] PROJECT_PASS = {0.78, 0.62, 0.68, 0.72, 0.72, 0.8, 0.92};
  private static final double[] CLASSIC_PASS = {0.65, 0.62, 0.75, 0.9};
  private static final double EXCEPTION = 0.07;
  private static final double APPROVED = 0.7;
  private static final double EARLY_TRY = 0.25;

  private final Random random;
  private final Map<String, List<String>> stages;
  private final Map<String, Map<String, Duration>> limits;
  private final Instant now;
  private final Instant start;
  private final List<DemoStep> steps = new ArrayList<>();
  private final List<DemoDeal> deals = new ArrayList<>();
  private long order;

  DemoPlan(long seed, Map<String, List<String>> stages, Map<String, Map<String, Duration>> limits, Instant now,
      int months) {
    this.random = new Random(seed);
    this.stages = stages;
    this.limits = limits;
    this.now = now.truncatedTo(ChronoUnit.MILLIS);
    this.start = this.now.minus(Duration.ofDays(months * 365L / 12));
  }

  /** Plans {@code count} opportunities: a stalled one in forty, one bypass, the rest by chance. */
  DemoPlan plan(int count) {
    int stalled = Math.max(2, count / 40);
    for (int i = 0; i < count; i++) {
      String process = i == 0 || random.nextDouble() < 0.7 ? PROJECT_SALES : CLASSIC;
      if (i == 0) {
        bypassed(deal(i, PROJECT_SALES, now.minus(Duration.ofDays(30))));
      } else if (i <= stalled) {
        stalled(i, process);
      } else {
        Instant created = start.plusMillis((long) (random.nextDouble() * Duration.between(start, now.minus(Duration.ofDays(2))).toMillis()));
        story(deal(i, process, created));
      }
    }
    return this;
  }

  List<DemoStep> steps() {
    List<DemoStep> sorted = new ArrayList<>(steps);
    sorted.sort(Comparator.comparing(DemoStep::at).thenComparingLong(DemoStep::order));
    return sorted;
  }

  List<DemoDeal> deals() {
    return List.copyOf(deals);
  }

  private DemoDeal deal(int i, String process, Instant created) {
    Rep rep = DemoNames.pick(random, DemoRoster.REPS);
    String city = DemoNames.pick(random, rep.cities());
    DemoNames.Industry industry = DemoNames.pick(random, DemoNames.INDUSTRIES);
    boolean large = random.nextDouble() < 0.35;
    long amount = Math.round(Math.exp(Math.log(large ? 1_500_000 : 300_000) + 0.5 * random.nextGaussian()) / 1000) * 1000;
    DemoDeal deal = new DemoDeal(String.format("DEMO-%04d", i + 1), process, stages.get(process), rep,
        DemoNames.customer(random, city, industry), city, industry, DemoNames.project(random),
        DemoNames.decider(random), DemoNames.colleague(random), large, random.nextDouble() < 0.45, amount,
        large ? 800 + random.nextInt(4000) : 80 + random.nextInt(600), random.nextDouble() < 0.2,
        random.nextDouble() < 0.3, DemoNames.pick(random, DemoNames.COMPETITORS), random.nextDouble() < 0.3,
        created.truncatedTo(ChronoUnit.MILLIS));
    deals.add(deal);
    step(deal.created(), deal, Action.OPEN, 0);
    return deal;
  }

  /** Stage by stage until the deal is lost, won, or its next step would lie after now. */
  private void story(DemoDeal deal) {
    Instant at = deal.created();
    double[] pass = deal.projectSales() ? PROJECT_PASS : CLASSIC_PASS;
    for (int s = 0; s < deal.stages().size(); s++) {
      Duration dwell = dwell(deal, s);
      Instant end = at.plus(dwell);
      if (end.isAfter(now)) {
        stillOpen(deal, s, at);
        return;
      }
      if (random.nextDouble() >= pass[s]) {
        step(at.plus(part(dwell, 0.3)), deal, Action.RECORD_WITH_GAP, s);
        step(at.plus(part(dwell, 0.6)), deal, Action.ADVANCE, s);
        step(end, deal, Action.LOSE, s);
        return;
      }
      if (random.nextDouble() < EXCEPTION && DemoFacts.hasGap(deal, s)) {
        excepted(deal, s, at, dwell);
      } else {
        if (random.nextDouble() < EARLY_TRY) {
          step(at.plus(part(dwell, 0.15)), deal, Action.ADVANCE, s);
        }
        step(at.plus(part(dwell, 0.3)), deal, Action.RECORD, s);
        step(end, deal, Action.ADVANCE, s);
      }
      at = end;
    }
  }

  /** The gate fails on a missing item, the rep asks for an exception, the manager decides. */
  private void excepted(DemoDeal deal, int s, Instant at, Duration dwell) {
    Instant asked = at.plus(part(dwell, 0.6));
    step(at.plus(part(dwell, 0.3)), deal, Action.RECORD_WITH_GAP, s);
    step(asked, deal, Action.ADVANCE, s);
    step(asked.plus(MINUTE), deal, Action.REQUEST_EXCEPTION, s);
    if (random.nextDouble() < APPROVED) {
      step(at.plus(dwell), deal, Action.APPROVE, s);
    } else {
      step(at.plus(part(dwell, 0.75)), deal, Action.REJECT, s);
      step(at.plus(part(dwell, 0.85)), deal, Action.RECORD, s);
      step(at.plus(dwell), deal, Action.ADVANCE, s);
    }
  }

  /** Open in stage {@code s} since {@code at}: some facts recorded, maybe a failed try, maybe a pending exception. */
  private void stillOpen(DemoDeal deal, int s, Instant at) {
    Duration so = Duration.between(at, now);
    if (so.compareTo(Duration.ofHours(12)) < 0) {
      return;
    }
    step(at.plus(part(so, 0.3)), deal, Action.RECORD_WITH_GAP, s);
    if (random.nextDouble() < 0.4) {
      step(at.plus(part(so, 0.6)), deal, Action.ADVANCE, s);
      if (s > 0 && random.nextDouble() < 0.25) {
        step(at.plus(part(so, 0.6)).plus(MINUTE), deal, Action.REQUEST_EXCEPTION, s);
      }
    }
  }

  /** Sits in an early stage beyond its dwell limit: the stage's timer asks the manager to review it. */
  private void stalled(int i, String process) {
    int stage = random.nextInt(Math.min(4, stages.get(process).size()));
    Duration limit = limit(process, stages.get(process).get(stage));
    Instant entered = now.minus(part(limit, 1.15 + 0.6 * random.nextDouble()));
    List<Duration> before = new ArrayList<>();
    Instant created = entered;
    for (int s = 0; s < stage; s++) {
      Duration d = dwell(process, s);
      before.add(d);
      created = created.minus(d);
    }
    DemoDeal deal = deal(i, process, created);
    Instant at = created;
    for (int s = 0; s < stage; s++) {
      step(at.plus(part(before.get(s), 0.3)), deal, Action.RECORD, s);
      at = at.plus(before.get(s));
      step(at, deal, Action.ADVANCE, s);
    }
    step(entered.plus(Duration.ofDays(2)), deal, Action.RECORD_WITH_GAP, stage);
    step(entered.plus(Duration.ofDays(3)), deal, Action.ADVANCE, stage);
  }

  /** Passes TARGET, records some facts in DISCOVER, then an administrator moves it straight to NEGOTIATE. */
  private void bypassed(DemoDeal deal) {
    Instant at = deal.created();
    step(at.plus(Duration.ofDays(1)), deal, Action.RECORD, 0);
    step(at.plus(Duration.ofDays(4)), deal, Action.ADVANCE, 0);
    step(at.plus(Duration.ofDays(6)), deal, Action.RECORD_WITH_GAP, 1);
    step(at.plus(Duration.ofDays(9)), deal, Action.BYPASS, 1);
  }

  private Duration dwell(DemoDeal deal, int s) {
    return dwell(deal.process(), s);
  }

  /** Log-normal around a third of the stage's dwell limit, at least half a day, at most 85 % of the limit. */
  private Duration dwell(String process, int s) {
    Duration limit = limit(process, stages.get(process).get(s));
    double days = limit.toHours() / 24.0 * 0.3 * Math.exp(0.6 * random.nextGaussian());
    double capped = Math.max(0.5, Math.min(days, limit.toHours() / 24.0 * 0.85));
    return Duration.ofMinutes(Math.round(capped * 24 * 60));
  }

  private Duration limit(String process, String stage) {
    return limits.get(process).getOrDefault(stage, Duration.ofDays(30));
  }

  private static Duration part(Duration d, double fraction) {
    return Duration.ofMillis(Math.round(d.toMillis() * fraction));
  }

  private void step(Instant at, DemoDeal deal, Action action, int stage) {
    steps.add(new DemoStep(at.truncatedTo(ChronoUnit.MILLIS), order++, deal, action, stage));
  }
}

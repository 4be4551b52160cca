package io.oppflow.bench;

import io.oppflow.gate.GateRequest;
import io.oppflow.gate.GateVerdict;
import io.oppflow.gate.internal.RuleFiles;
import io.oppflow.gate.RuleSet;
import io.oppflow.opportunity.Activity;
import io.oppflow.opportunity.Opportunity;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One gate evaluation of the project-sales funnel, per stage: the shipped Drools rules
 * ({@link RuleSet#evaluate}, a fresh session per call, as the service does) against the
 * {@link HandWrittenGates} baseline, on the facts of {@link BenchFacts#at}. Sampled, so the
 * result has percentiles.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GateEvaluationBench {

  @Param({"TARGET", "DISCOVER", "CONFIRM_INTENT", "INITIATE_PROJECT", "WIN_RECOGNITION", "NEGOTIATE", "CLOSE"})
  public String stage;

  private RuleSet rules;
  private HandWrittenGates handWritten;
  private GateRequest request;
  private Opportunity opportunity;
  private List<Activity> activities;
  private Object[] facts;

  @Setup(Level.Trial)
  public void setUp() {
    rules = RuleSet.compile(RuleFiles.read(BenchFacts.RULES));
    handWritten = new HandWrittenGates(rules.criteria());
    if (!BenchFacts.STAGES.contains(stage)) {
      throw new IllegalArgumentException("Not a project-sales-funnel stage: " + stage);
    }
    // The comparison is honest only if both answer the same. Check on a bare opportunity that fails
    // every gate (so neither side can pass by doing nothing) and on the facts of every stage (a gate
    // asked too early fails on several criteria), besides the benchmark's own facts below.
    BenchFacts.GateInput bare = BenchFacts.minimalAt(stage);
    GateVerdict bareByRules = rules.evaluate(bare.request(), bare.facts());
    HandWrittenGates.requireSameVerdict(bareByRules,
        handWritten.evaluate(bare.request(), bare.opportunity(), bare.activities()), stage + " (bare opportunity)");
    if (bareByRules.passed()) {
      throw new IllegalStateException("No rule of gate " + stage + " fired on a bare opportunity: are the rules shipped?");
    }
    for (String factsOf : BenchFacts.STAGES) {
      BenchFacts.GateInput other = BenchFacts.at(factsOf, stage);
      HandWrittenGates.requireSameVerdict(rules.evaluate(other.request(), other.facts()),
          handWritten.evaluate(other.request(), other.opportunity(), other.activities()),
          stage + " (facts of stage " + factsOf + ")");
    }
    BenchFacts.GateInput input = BenchFacts.at(stage);
    request = input.request();
    opportunity = input.opportunity();
    activities = input.activities();
    facts = input.facts();
    HandWrittenGates.requireSameVerdict(rules.evaluate(request, facts),
        handWritten.evaluate(request, opportunity, activities), stage + " (benchmark facts)");
  }

  @Benchmark
  public GateVerdict drools() {
    return rules.evaluate(request, facts);
  }

  @Benchmark
  public GateVerdict handWritten() {
    return handWritten.evaluate(request, opportunity, activities);
  }
}

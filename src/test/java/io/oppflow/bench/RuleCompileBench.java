package io.oppflow.bench;

import io.oppflow.gate.internal.RuleFiles;
import io.oppflow.gate.RuleSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Reading and compiling the whole shipped rule set ({@code rules/}, both processes), as the service
 * does at start and on every rule deployment. One compile per iteration: the warm-up iterations
 * absorb class loading and JIT, so this is the time of a compile in a running service; the cold
 * compile is measured by {@link GateBenchmarks} with a fresh JVM per sample.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RuleCompileBench {

  @Benchmark
  public RuleSet compile() {
    return RuleSet.compile(RuleFiles.read(BenchFacts.RULES));
  }
}

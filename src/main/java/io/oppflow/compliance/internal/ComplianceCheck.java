package io.oppflow.compliance.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.oppflow.gate.ChainVerification;
import io.oppflow.gate.GateLogVerifier;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The optional scheduled audit: verifies the gate log and counts the violations of all time, then exposes
 * the result as metrics (oppflow_audit_chain_valid, oppflow_audit_chain_records, oppflow_audit_chain_pending,
 * oppflow_audit_chain_pending_overdue, oppflow_compliance_violations,
 * oppflow_compliance_check_last_seconds, oppflow_compliance_check_duration_seconds) and logs a warning when
 * something is wrong. Off unless {@code oppflow.compliance.check-cron} is set (a Spring cron, e.g.
 * {@code 0 0 * * * *} hourly). Before the first check the gauges read NaN.
 */
@Component
public class ComplianceCheck {

  private static final Logger log = LoggerFactory.getLogger(ComplianceCheck.class);

  /** One check's outcome. */
  public record Result(ChainVerification chain, long violations, long millis) {}

  private final GateLogVerifier verifier;
  private final BypassDetector bypasses;
  private final Clock clock;
  private final AtomicReference<Result> last = new AtomicReference<>();
  private volatile double lastAt = Double.NaN;

  ComplianceCheck(GateLogVerifier verifier, BypassDetector bypasses, Clock clock, MeterRegistry metrics) {
    this.verifier = verifier;
    this.bypasses = bypasses;
    this.clock = clock;
    Gauge.builder("oppflow.audit.chain.valid", this, c -> c.value(r -> r.chain().valid() ? 1 : 0))
        .description("1 if the gate log's hash chain verified at the last compliance check, 0 if not").register(metrics);
    Gauge.builder("oppflow.audit.chain.records", this, c -> c.value(r -> r.chain().checked()))
        .description("Gate records checked by the last compliance check").register(metrics);
    Gauge.builder("oppflow.audit.chain.pending", this, c -> c.value(r -> r.chain().pending().count()))
        .description("Gate records not sealed into the chain yet at the last compliance check").register(metrics);
    Gauge.builder("oppflow.audit.chain.pending.overdue", this, c -> c.value(r -> r.chain().pending().overdue() ? 1 : 0))
        .description("1 if a gate record waited for its seal longer than oppflow.gate-log.overdue-after").register(metrics);
    Gauge.builder("oppflow.compliance.violations", this, c -> c.value(Result::violations))
        .description("Stage entries no gate allowed, of all time, at the last compliance check").register(metrics);
    Gauge.builder("oppflow.compliance.check.last", this, c -> c.lastAt).baseUnit("seconds")
        .description("When the last compliance check ran, in seconds since the epoch").register(metrics);
    Gauge.builder("oppflow.compliance.check.duration", this, c -> c.value(r -> r.millis() / 1000.0)).baseUnit("seconds")
        .description("How long the last compliance check took").register(metrics);
  }

  @Scheduled(cron = "${oppflow.compliance.check-cron:-}")
  void scheduled() {
    run();
  }

  /** Verifies the chain and counts the violations now. */
  public Result run() {
    long started = System.nanoTime();
    ChainVerification chain = verifier.verify();
    long violations = bypasses.count(new ComplianceScope(Optional.empty(), null, null));
    Result result = new Result(chain, violations, (System.nanoTime() - started) / 1_000_000);
    last.set(result);
    lastAt = clock.millis() / 1000.0;
    if (!chain.valid()) {
      log.warn("Compliance check: the gate log does not verify; first broken record {} (seq {}): {}",
          chain.firstBroken().id(), chain.firstBroken().seq(), chain.firstBroken().reason());
    }
    if (chain.pending().overdue()) {
      log.warn("Compliance check: {} gate records are not sealed; the oldest, {}, has waited {} s: the sealer is not"
          + " sealing (see the gate log's errors above)", chain.pending().count(), chain.pending().oldestId(),
          chain.pending().oldestSeconds());
    }
    if (violations > 0) {
      log.warn("Compliance check: {} stage entries were not allowed by a gate (GET /api/compliance/violations)", violations);
    }
    log.info("Compliance check: {} gate records verified ({}), last hash {}, {} pending, {} violations, {} ms",
        chain.checked(), chain.valid() ? "valid" : "BROKEN", chain.lastHash(), chain.pending().count(), violations,
        result.millis());
    return result;
  }

  public Optional<Result> last() {
    return Optional.ofNullable(last.get());
  }

  private double value(java.util.function.ToDoubleFunction<Result> f) {
    Result r = last.get();
    return r == null ? Double.NaN : f.applyAsDouble(r);
  }
}

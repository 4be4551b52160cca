package io.oppflow.gate.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the gate log is sealed (docs/compliance.md section 1): how long a committing transaction waits for its
 * records to be sealed ({@code seal-wait}, then the sweep takes them), how often each node sweeps for records
 * left unsealed ({@code sweep-interval}, in {@code application.yml}), and after how long an unsealed record is
 * a finding of verify ({@code overdue-after}).
 */
@ConfigurationProperties("oppflow.gate-log")
public record GateLogProperties(Duration sealWait, Duration sweepInterval, Duration overdueAfter) {

  public GateLogProperties {
    sealWait = sealWait == null ? Duration.ofSeconds(2) : sealWait;
    sweepInterval = sweepInterval == null ? Duration.ofSeconds(1) : sweepInterval;
    overdueAfter = overdueAfter == null ? Duration.ofSeconds(10) : overdueAfter;
  }
}

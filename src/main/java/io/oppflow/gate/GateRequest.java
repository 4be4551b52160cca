package io.oppflow.gate;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The fact that tells the rules which gate is asked: the way out of {@code stage} of {@code process}.
 * {@code today} is the evaluation date, so that date criteria do not depend on the clock.
 */
public final class GateRequest {

  private final String process;
  private final String stage;
  private final LocalDate today;

  public GateRequest(String process, String stage, LocalDate today) {
    this.process = Objects.requireNonNull(process, "process");
    this.stage = Objects.requireNonNull(stage, "stage");
    this.today = Objects.requireNonNull(today, "today");
  }

  public String getProcess() { return process; }
  public String getStage() { return stage; }
  public LocalDate getToday() { return today; }
}

package io.oppflow.warning.internal;

import io.oppflow.shared.Message;
import java.time.Instant;

/**
 * One early warning about one opportunity.
 *
 * @param since when the opportunity entered the stage the warning is about
 * @param at when the warning arose (timer fired, stage entered or left)
 * @param daysInStage for STALLED: whole days since {@code since}; otherwise null
 * @param taskId the task that deals with it: for STALLED the managers' review, otherwise the opportunity's open
 *     task; null if it has none (a closed opportunity)
 */
public record Warning(WarningKind kind, String opportunity, String process, String stage, Message stageName,
    Instant since, Instant at, Long daysInStage, String owner, String orgUnit, Message message, String taskId) {

  Warning withTask(String task) {
    return new Warning(kind, opportunity, process, stage, stageName, since, at, daysInStage, owner, orgUnit, message, task);
  }
}

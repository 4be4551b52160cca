package io.oppflow.compliance.internal;

import io.oppflow.compliance.OperationLog;
import io.oppflow.shared.Message;
import java.time.Instant;

/**
 * A stage entry that no gate allowed: neither a PASSED nor an OVERRIDDEN record of the stage before, for
 * the same process instance, written during that stage's last visit and no later than the entry.
 *
 * @param intervalId the stage interval (our projection of the engine's stage activity instance)
 * @param previousStage the stage before (by order), or null if the opportunity never visited it (skipped)
 * @param kind SKIPPED (the stage before was never entered) or NOT_PASSED (its gate had not passed)
 * @param operation what the engine's user operation log says about the entry, or null if it knows nothing
 */
public record Violation(long intervalId, String opportunityCode, String processKey, String processInstanceId,
    String activityInstanceId, String stage, int stageOrder, Instant enteredAt, String previousStage, Kind kind,
    String owner, String orgUnit, Message explanation, OperationLog.Operation operation) {

  public enum Kind { SKIPPED, NOT_PASSED }

  public Violation withOperation(OperationLog.Operation op) {
    return new Violation(intervalId, opportunityCode, processKey, processInstanceId, activityInstanceId, stage,
        stageOrder, enteredAt, previousStage, kind, owner, orgUnit, explanation, op);
  }
}

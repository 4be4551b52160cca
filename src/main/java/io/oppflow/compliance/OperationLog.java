package io.oppflow.compliance;

import java.time.Instant;
import java.util.Optional;

/** The process engine's user operation log, as far as a bypass audit needs it. */
public interface OperationLog {

  /**
   * The user operation on {@code processInstanceId} that most likely made a stage entry at {@code at}: the
   * one logged closest to it, within a few seconds. Empty if the engine logged none (it logs operations of
   * signed-in users only).
   */
  Optional<Operation> around(String processInstanceId, Instant at);

  /**
   * One logged operation.
   *
   * @param type Camunda's operation type, e.g. ModifyProcessInstance, Migrate
   * @param userId who started it
   */
  record Operation(String operationId, String type, String userId, Instant at) {}
}

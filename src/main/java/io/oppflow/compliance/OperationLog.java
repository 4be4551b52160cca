package io.oppflow.compliance;

import java.time.Instant;
import java.util.Optional;

/** The process engine's user operation log, as far as a bypass audit needs it. */
public interface OperationLog {

  /**
   * The user operation that most likely made a stage entry of {@code processInstanceId} at {@code at}: the
   * one logged on that instance closest to it, within a few seconds; failing that, a migration of instances
   * of {@code processKey} logged then (the engine logs a migration per batch, not per instance). Empty if the
   * engine logged none (it logs operations of signed-in users only).
   */
  Optional<Operation> around(String processInstanceId, String processKey, Instant at);

  /**
   * One logged operation.
   *
   * @param type Camunda's operation type, e.g. ModifyProcessInstance, Migrate
   * @param userId who started it
   */
  record Operation(String operationId, String type, String userId, Instant at) {}
}

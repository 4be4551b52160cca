package io.oppflow.process.adapter;

import io.oppflow.compliance.OperationLog;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.history.UserOperationLogQuery;
import org.springframework.stereotype.Component;

/** The compliance audit's view of Camunda's user operation log. */
@Component
public class CamundaOperationLog implements OperationLog {

  /** An operation and the stage entry it made are written in one transaction, well within this. */
  private static final Duration WINDOW = Duration.ofSeconds(5);

  private final HistoryService history;

  CamundaOperationLog(HistoryService history) {
    this.history = history;
  }

  @Override
  public Optional<Operation> around(String processInstanceId, String processKey, Instant at) {
    Optional<Operation> onInstance = closest(history.createUserOperationLogQuery().processInstanceId(processInstanceId), at);
    return onInstance.isPresent() ? onInstance : closest(history.createUserOperationLogQuery()
        .processDefinitionKey(processKey).operationType(UserOperationLogEntry.OPERATION_TYPE_MIGRATE), at);
  }

  private static Optional<Operation> closest(UserOperationLogQuery query, Instant at) {
    return query.afterTimestamp(Date.from(at.minus(WINDOW))).beforeTimestamp(Date.from(at.plus(WINDOW))).list().stream()
        .filter(e -> e.getUserId() != null)
        // completing or claiming a task is the regular way through the process, not an operation on it
        .filter(e -> !org.camunda.bpm.engine.EntityTypes.TASK.equals(e.getEntityType()))
        .min(Comparator.comparing((UserOperationLogEntry e) -> Duration.between(e.getTimestamp().toInstant(), at).abs()))
        .map(e -> new Operation(e.getOperationId(), e.getOperationType(), e.getUserId(), e.getTimestamp().toInstant()));
  }
}

package io.oppflow.process.adapter;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Lets the timers a process instance started with (its stage's dwell-limit timer) run from when the stage was
 * really entered, before the import: each timer created in this command is due as much earlier as the stage
 * was entered before now. A dwell limit passed already is due at once, and the job executor is told so after the
 * commit, so the stall review comes right after the import rather than at the executor's next idle poll.
 *
 * <p>Runs as an engine command of its own right after the start, in the same transaction: one query for the
 * instance's timers, one update of each. It moves the due date the engine derived from the stage's model; no
 * caller's variable says when a timer is due.
 */
final class HistoricalStageEntry {

  private HistoricalStageEntry() {}

  static void backdateTimers(CommandContext command, String processInstanceId, Instant enteredAt, JobExecutor executor) {
    Date now = ClockUtil.getCurrentTime();
    long earlier = now.getTime() - enteredAt.toEpochMilli();
    if (earlier <= 0) {
      return;
    }
    boolean dueNow = false;
    List<TimerEntity> timers = command.getJobManager().findJobsByProcessInstanceId(processInstanceId).stream()
        .filter(TimerEntity.class::isInstance).map(TimerEntity.class::cast).toList();
    for (TimerEntity timer : timers) {
      if (timer.getDuedate() != null) {
        timer.setDuedate(new Date(timer.getDuedate().getTime() - earlier));
        dueNow |= !timer.getDuedate().after(now);
      }
    }
    if (dueNow && executor != null) {
      command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, c -> executor.jobWasAdded());
    }
  }
}

package io.oppflow.process.adapter;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.JobQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.AcquirableJobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Lets the timers a process instance started with (its stage's dwell-limit timer) run from when the stage was
 * really entered, before the import: each timer created in this command is due as much earlier as the stage
 * was entered before now. A dwell limit passed already is due at once, and the job executor is told so after the
 * commit, so the stall review comes right after the import rather than at the executor's next idle poll.
 *
 * <p>An import holds the timers due at once until a given instant instead (its stall reviews would otherwise run
 * between its rows, on the same cores) and releases them when its rows are in: their due date becomes the release's
 * instant. Should the release never come (the node stopped), they run at the instant they were held until.
 *
 * <p>It moves the due date the engine derived from the stage's model; no caller's variable says when a timer is due.
 */
final class HistoricalStageEntry {

  /** Timers released per command. */
  private static final int RELEASE_PAGE = 2_000;

  private HistoricalStageEntry() {}

  /**
   * Moves the timers of {@code processInstanceId} created in this command (still in its cache) to the historical
   * entry.
   *
   * @param heldUntil null, or when the timers due at once run at the latest
   */
  static void backdateTimers(CommandContext command, String processInstanceId, Instant enteredAt, Instant heldUntil,
      JobExecutor executor) {
    Date now = ClockUtil.getCurrentTime();
    long earlier = now.getTime() - enteredAt.toEpochMilli();
    if (earlier <= 0) {
      return;
    }
    boolean dueNow = false;
    // asked for by the type the engine's cache files every job under: it finds no subtype of it (it tests its own
    // wrapper's class)
    List<TimerEntity> timers = command.getDbEntityManager().getCachedEntitiesByType(AcquirableJobEntity.class).stream()
        .filter(TimerEntity.class::isInstance).map(TimerEntity.class::cast)
        .filter(t -> processInstanceId.equals(t.getProcessInstanceId())).toList();
    for (TimerEntity timer : timers) {
      if (timer.getDuedate() != null) {
        timer.setDuedate(new Date(timer.getDuedate().getTime() - earlier));
        if (!timer.getDuedate().after(now)) {
          if (heldUntil == null) {
            dueNow = true;
          } else {
            timer.setDuedate(Date.from(heldUntil));
          }
        }
      }
    }
    if (dueNow && executor != null) {
      command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, c -> executor.jobWasAdded());
    }
  }

  /**
   * Makes every timer held until {@code heldUntil} due now, a page per command, and tells the job executor.
   *
   * @return how many were released
   */
  static int release(CommandExecutor commands, Instant heldUntil, JobExecutor executor) {
    Date from = Date.from(heldUntil.minusMillis(1));
    Date to = Date.from(heldUntil.plusMillis(1));
    int released = 0;
    int page;
    do {
      page = commands.execute(command -> {
        Date now = ClockUtil.getCurrentTime();
        JobQueryImpl held = new JobQueryImpl();
        held.timers().duedateHigherThan(from).duedateLowerThan(to);
        List<org.camunda.bpm.engine.runtime.Job> jobs =
            command.getJobManager().findJobsByQueryCriteria(held, new Page(0, RELEASE_PAGE));
        jobs.forEach(job -> ((JobEntity) job).setDuedate(now));
        return jobs.size();
      });
      released += page;
    } while (page == RELEASE_PAGE);
    if (released > 0 && executor != null) {
      executor.jobWasAdded();
    }
    return released;
  }
}

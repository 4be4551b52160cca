package io.oppflow.process.adapter;

import io.oppflow.opportunity.Opportunity;
import io.oppflow.opportunity.OpportunityFactsRecorded;
import io.oppflow.opportunity.OpportunityService;
import io.oppflow.process.bpmn.DealCaption;
import io.oppflow.process.bpmn.TaskCaptions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the open tasks named for their deal ({@link TaskCaptions}) in step with it: after the facts of an
 * opportunity are committed (a change through the API or a form) its open tasks are renamed and
 * described again, and every night the days in stage are counted again. This is the system acting, not the
 * user whose change set it off. It runs in a transaction of its own, after theirs, with Camunda's
 * authorization checks and user operation log switched off, so it neither needs the user's task permissions
 * nor appears as their operation; a failure is logged and never undoes or fails the user's change. What the tasks'
 * forms show (facts, activities, gate feedback) needs no refresh: it is worked out when a form is read.
 */
@Component
public class OpenTaskCaptions {

  private static final Logger log = LoggerFactory.getLogger(OpenTaskCaptions.class);
  private static final int PAGE = 200;

  private final ProcessEngineConfigurationImpl engine;
  private final TaskCaptions captions;
  private final OpportunityService opportunities;

  OpenTaskCaptions(ProcessEngine engine, TaskCaptions captions, OpportunityService opportunities) {
    this.engine = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.captions = captions;
    this.opportunities = opportunities;
  }

  @EventListener
  void on(OpportunityFactsRecorded recorded) {
    refreshAfterCommit(recorded.code());
  }

  /** A reassigned opportunity's tasks name their new owner and org unit. */
  @EventListener
  void on(io.oppflow.opportunity.OpportunityReassigned reassigned) {
    refreshAfterCommit(reassigned.code());
  }

  /**
   * Refreshes the opportunity's open tasks once its transaction has committed (at once without one), and once per
   * transaction however many of its changes said so: facts and activities recorded together are captioned once.
   */
  private void refreshAfterCommit(String code) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()
        || !TransactionSynchronizationManager.isActualTransactionActive()) {
      refresh(code);
      return;
    }
    // the synchronizations are those of the current transaction (an outer one's are suspended meanwhile)
    for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
      if (registered instanceof AfterCommit pending && pending.owner == this) {
        pending.codes.add(code);
        return;
      }
    }
    AfterCommit pending = new AfterCommit(this);
    pending.codes.add(code);
    TransactionSynchronizationManager.registerSynchronization(pending);
  }

  /** The codes one transaction changed, refreshed once it has committed. */
  private static final class AfterCommit implements TransactionSynchronization {

    private final OpenTaskCaptions owner;
    private final Set<String> codes = new LinkedHashSet<>();

    AfterCommit(OpenTaskCaptions owner) {
      this.owner = owner;
    }

    @Override
    public void afterCompletion(int status) {
      if (status == STATUS_COMMITTED) {
        codes.forEach(owner::refresh);
      }
    }
  }

  /**
   * The days in stage, counted again every night ({@code oppflow.tasks.caption-refresh-cron}; "-" switches it
   * off, e.g. on all nodes of a cluster but one).
   */
  @Scheduled(cron = "${oppflow.tasks.caption-refresh-cron:0 5 0 * * *}")
  public void nightly() {
    Set<String> instances = new LinkedHashSet<>();
    TaskService tasks = engine.getTaskService();
    List<Task> page;
    int first = 0;
    do {
      page = tasks.createTaskQuery().orderByTaskId().asc().listPage(first, PAGE);
      page.stream().filter(t -> t.getProcessInstanceId() != null && TaskCaptions.isDeclaredOn(elementOf(t)))
          .forEach(t -> instances.add(t.getProcessInstanceId()));
      first += page.size();
    } while (page.size() == PAGE);
    int changed = 0;
    for (List<String> chunk : chunks(List.copyOf(instances))) {
      for (ProcessInstance instance : engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceIds(Set.copyOf(chunk)).list()) {
        changed += instance.getBusinessKey() == null ? 0 : refresh(instance.getBusinessKey());
      }
    }
    log.info("Nightly task captions: {} open task(s) of {} process instance(s) renamed or described anew",
        changed, instances.size());
  }

  /** Names and describes the open tasks of the opportunity's process again; how many changed. */
  int refresh(String code) {
    try {
      return engine.getCommandExecutorTxRequiresNew().execute(new Refresh(code));
    } catch (OptimisticLockingException e) {
      log.debug("The tasks of {} changed meanwhile; their next change or the nightly refresh names them", code);
    } catch (RuntimeException e) {
      log.warn("Could not name the open tasks of {} anew: {}", code, e.toString());
    }
    return 0;
  }

  private UserTask elementOf(Task task) {
    return engine.getRepositoryService().getBpmnModelInstance(task.getProcessDefinitionId())
        .getModelElementById(task.getTaskDefinitionKey()) instanceof UserTask u ? u : null;
  }

  private static List<List<String>> chunks(List<String> ids) {
    List<List<String>> chunks = new java.util.ArrayList<>();
    for (int i = 0; i < ids.size(); i += PAGE) {
      chunks.add(ids.subList(i, Math.min(ids.size(), i + PAGE)));
    }
    return chunks;
  }

  private final class Refresh implements Command<Integer> {

    private final String code;

    Refresh(String code) {
      this.code = code;
    }

    @Override
    public Integer execute(CommandContext context) {
      context.disableAuthorizationCheck();
      context.disableUserOperationLog();
      try {
        Opportunity opportunity = opportunities.byCode(code);
        if (!opportunity.isOpen() || opportunity.getProcessInstanceId() == null) {
          return 0;
        }
        TaskService tasks = context.getProcessEngineConfiguration().getTaskService();
        int changed = 0;
        for (Task task : tasks.createTaskQuery().processInstanceId(opportunity.getProcessInstanceId()).listPage(0, PAGE)) {
          UserTask element = elementOf(task);
          if (TaskCaptions.isDeclaredOn(element)) {
            changed += apply(tasks, task, captions.captionOf(element, task.getProcessInstanceId(), opportunity)) ? 1 : 0;
          }
        }
        return changed;
      } finally {
        context.enableUserOperationLog();
        context.enableAuthorizationCheck();
      }
    }

    private boolean apply(TaskService tasks, Task task, DealCaption caption) {
      boolean changed = false;
      if (!caption.name().equals(task.getName())) {
        tasks.setName(task.getId(), caption.name());
        changed = true;
      }
      if (!caption.description().equals(task.getDescription())) {
        tasks.setDescription(task.getId(), caption.description());
        changed = true;
      }
      return changed;
    }
  }
}

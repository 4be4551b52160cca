package io.oppflow.process.bpmn;

import io.oppflow.gate.GateExceptionService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Lets whoever asked for a gate exception follow it: the approval task, when created, gets the requester as its
 * owner. The requester is the one the gate exception records (the user who asked), never a process variable. In
 * oppflow an owner may read a task, not work on it ({@code security.TaskOwnerReadsOnly}), so the rep sees the
 * request under "我的例外申请 / My exception requests" until a manager decides it, and cannot decide it.
 * The engine adds this listener to every approval task ({@code process.deployment.ExceptionRequesterFollows}).
 */
@Component
public class FollowGateExceptionListener implements TaskListener {

  private final GateExceptionService exceptions;

  FollowGateExceptionListener(GateExceptionService exceptions) {
    this.exceptions = exceptions;
  }

  @Override
  public void notify(DelegateTask task) {
    // no exception pending (e.g. an administrator started the task by hand): nobody to follow it, and no one can decide it
    exceptions.findPendingIn(task.getProcessInstanceId()).ifPresent(pending -> task.setOwner(pending.requestedBy()));
  }
}

package io.oppflow.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** {@code ${routeGateException}}: offers the approval to the opportunity's managers ({@link OpportunityManagers}). */
@Component("routeGateException")
class RouteGateExceptionListener implements TaskListener {

  private final OpportunityManagers managers;

  RouteGateExceptionListener(OpportunityManagers managers) {
    this.managers = managers;
  }

  @Override
  public void notify(DelegateTask task) {
    managers.offer(task);
  }
}

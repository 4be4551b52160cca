package io.oppflow.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Offers a new task, whose definition named the candidate group {@code sales-manager}, to the managers of the
 * opportunity's org unit instead ({@link OpportunityManagers}; to the whole group only if no manager is placed
 * over the unit).
 */
class OrgUnitManagersListener implements TaskListener {

  private final ObjectProvider<OpportunityManagers> managers;

  OrgUnitManagersListener(ObjectProvider<OpportunityManagers> managers) {
    this.managers = managers;
  }

  @Override
  public void notify(DelegateTask task) {
    managers.getObject().offer(task);
  }
}

package io.oppflow.process;

import io.oppflow.organization.Role;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * A user task offered to the candidate group {@code sales-manager} is offered, when it is created, to the
 * managers of the opportunity's org unit instead ({@link OrgUnitManagersListener}): no manager sees or may
 * claim the stage tasks of another unit's opportunities. Applies to every process, also those sales-ops
 * design and deploy from Camunda Modeler, which keep writing {@code candidateGroups="sales-manager"}.
 */
class OrgUnitManagersParseListener extends AbstractBpmnParseListener {

  private final TaskListener narrow;

  OrgUnitManagersParseListener(TaskListener narrow) {
    this.narrow = narrow;
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    if (!(activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask)) {
      return;
    }
    TaskDefinition task = userTask.getTaskDefinition();
    // The group is taken out of the definition (a link made at creation could not be taken back in the same
    // command); the listener offers the task to the unit's managers instead.
    boolean offeredToManagers = task.getCandidateGroupIdExpressions()
        .removeIf(e -> Role.MANAGER.groupId().equals(e.getExpressionText().strip()));
    if (offeredToManagers) {
      // built in: runs also when an administrator starts the task with skipCustomListeners
      task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, narrow);
    }
  }
}

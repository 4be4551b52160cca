package io.oppflow.process.deployment;

import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Every approval task (a user task whose completion {@code ${decideGateException}} decides), in every version
 * and every deployment (also from Camunda Modeler), lets the rep who asked follow it: {@code follow} runs when
 * the task is created, as a built-in listener, so no process model has to remember it and skipping custom
 * listeners does not skip it.
 */
class ExceptionRequesterFollows extends AbstractBpmnParseListener {

  private final TaskListener follow;

  ExceptionRequesterFollows(TaskListener follow) {
    this.follow = follow;
  }

  @Override
  public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask && decidesAnException(userTask.getTaskDefinition())) {
      userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, follow);
    }
  }

  static boolean decidesAnException(TaskDefinition task) {
    List<TaskListener> onComplete = task.getTaskListenersForEvent(TaskListener.EVENTNAME_COMPLETE);
    return onComplete != null && onComplete.stream().anyMatch(l -> l instanceof DelegateExpressionTaskListener d
        && StageConventions.DECIDE_LISTENER.equals(d.getExpressionText()));
  }
}

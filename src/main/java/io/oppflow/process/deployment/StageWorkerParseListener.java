package io.oppflow.process.deployment;

import io.oppflow.process.StageModel;
import io.oppflow.process.bpmn.RememberStageWorker;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Adds {@link RememberStageWorker} as a complete listener to every stage task ({@code Task_<CODE>} in
 * {@code Stage_<CODE>}) of every process the engine parses, shipped or designed in Modeler, so the next
 * project-team task can go to whoever completed this one.
 */
final class StageWorkerParseListener extends AbstractBpmnParseListener {

  private static final String STAGE_PREFIX = "Stage_";
  private final TaskListener remember = new RememberStageWorker();

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    String scopeId = scope.getId();
    if (scopeId != null && scopeId.startsWith(STAGE_PREFIX)
        && activity.getId().equals(StageModel.stageTaskId(scopeId.substring(STAGE_PREFIX.length())))
        && activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
      userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE, remember);
    }
  }
}

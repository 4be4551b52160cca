package io.oppflow.process.bpmn;

import io.oppflow.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code camunda:assignee="${stageAssignee.of(execution)}"} on a project-team stage task (stage 4 on): the
 * task goes to whoever works the deal, the person who completed the previous stage task
 * ({@link RememberStageWorker}), or the opportunity's owner when nobody has (an instance started before, or
 * stages completed by the engine alone). The rest of the team stays candidate and can still see it. Public,
 * with {@link #of}, because the engine's expression language calls methods of public classes alone.
 */
@Component(StageAssignee.BEAN)
public class StageAssignee {

  static final String BEAN = "stageAssignee";
  /** What a project-team stage task names as its assignee, in the BPMN and the element template. */
  public static final String EXPRESSION = "${" + BEAN + ".of(execution)}";

  /** The user the new stage task of this execution is assigned to. */
  public String of(DelegateExecution execution) {
    Object worker = execution.getVariable(ProcessVariables.STAGE_WORKER);
    return worker != null ? worker.toString() : (String) execution.getVariable(ProcessVariables.OWNER);
  }
}

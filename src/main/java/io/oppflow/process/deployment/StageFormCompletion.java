package io.oppflow.process.deployment;

import io.oppflow.process.ProcessVariables;
import java.lang.reflect.Field;
import java.util.Map;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Makes {@code /engine-rest/task/{id}/complete} with variables do on a stage task what Tasklist's {@code submit-form}
 * does: the values land on the task, where its form was prefilled. Camunda's {@code complete} writes them to the
 * task's execution instead, where the prefilled task-local values hide them (a submitted {@code stageAction: LOSE}
 * would read as the prefilled {@code ADVANCE}) and where they would outlive the task (an activity section left on
 * the process instance). Only tasks prefilled by {@code ${prefillStageForm}} (they hold a form baseline) are changed.
 */
final class StageFormCompletion extends CommandInterceptor {

  private static final Field TASK_ID = field("taskId");
  private static final Field VARIABLES = field("variables");

  @Override
  public <T> T execute(Command<T> command) {
    if (!(command instanceof CompleteTaskCmd complete) || !(get(VARIABLES, complete) instanceof Map<?, ?> variables)
        || variables.isEmpty()) {
      return next.execute(command);
    }
    return next.execute(context -> {
      TaskEntity task = context.getTaskManager().findTaskById(String.valueOf(get(TASK_ID, complete)));
      if (task != null && task.hasVariableLocal(ProcessVariables.FORM_BASELINE)) {
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) variables;
        task.setVariablesLocal(values);
        set(complete, null);
      }
      return command.execute(context);
    });
  }

  private static Object get(Field field, Object command) {
    try {
      return field.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void set(CompleteTaskCmd command, Object variables) {
    try {
      VARIABLES.set(command, variables);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Field field(String name) {
    try {
      Field field = CompleteTaskCmd.class.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("Camunda's CompleteTaskCmd has no field '" + name
          + "': check StageFormCompletion against this engine version", e);
    }
  }
}

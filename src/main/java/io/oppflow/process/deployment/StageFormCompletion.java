package io.oppflow.process.deployment;

import io.oppflow.process.bpmn.TaskFormValues;
import java.lang.reflect.Field;
import java.util.Map;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Where the values submitted with a stage task land, whatever the door (Tasklist's {@code submit-form},
 * {@code /engine-rest/task/{id}/complete}, the service's own advance): on the task, transient, for the completing
 * command only. The task's complete listener reads them there ({@code ${applyStageForm}}); nothing of them is written
 * to Camunda's variable tables or their history, and none outlives the task (Camunda would otherwise write them to
 * the task's execution: an activity section left on the process instance, a {@code stageAction} read by the next
 * stage). A task opened by an earlier version holds its form values as task variables: a value of such a variable is
 * written there, as that version did. Only stage tasks ({@link TaskFormValues#isStageForm}) are changed.
 */
final class StageFormCompletion extends CommandInterceptor {

  private static final Field COMPLETE_TASK = field(CompleteTaskCmd.class, "taskId");
  private static final Field COMPLETE_VARIABLES = field(CompleteTaskCmd.class, "variables");
  private static final Field SUBMIT_TASK = field(SubmitTaskFormCmd.class, "taskId");
  private static final Field SUBMIT_VARIABLES = field(SubmitTaskFormCmd.class, "properties");

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof CompleteTaskCmd complete) {
      return onTask(command, get(COMPLETE_TASK, complete), get(COMPLETE_VARIABLES, complete),
          () -> set(COMPLETE_VARIABLES, complete, null));
    }
    if (command instanceof SubmitTaskFormCmd submit) {
      return onTask(command, get(SUBMIT_TASK, submit), get(SUBMIT_VARIABLES, submit),
          () -> set(SUBMIT_VARIABLES, submit, Variables.createVariables()));
    }
    return next.execute(command);
  }

  private <T> T onTask(Command<T> command, Object taskId, Object submitted, Runnable forget) {
    if (!(submitted instanceof Map<?, ?> values) || values.isEmpty() || taskId == null) {
      return next.execute(command);
    }
    return next.execute(context -> {
      TaskEntity task = context.getTaskManager().findTaskById(taskId.toString());
      if (task != null && TaskFormValues.isStageForm(task)) {
        values.forEach((name, value) -> TaskFormValues.putSubmitted(task, name.toString(), typed(values, name, value)));
        forget.run();
      }
      return command.execute(context);
    });
  }

  /** The value with the type it was submitted with, if any: a typed value keeps its type when made transient. */
  private static Object typed(Map<?, ?> values, Object name, Object value) {
    return values instanceof VariableMap map ? map.getValueTyped(name.toString()) : value;
  }

  private static Object get(Field field, Object command) {
    try {
      return field.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void set(Field field, Object command, Object variables) {
    try {
      field.set(command, variables);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Field field(Class<?> declaring, String name) {
    try {
      Field field = declaring.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("Camunda's " + declaring.getSimpleName() + " has no field '" + name
          + "': check StageFormCompletion against this engine version", e);
    }
  }
}

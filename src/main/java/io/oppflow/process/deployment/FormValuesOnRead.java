package io.oppflow.process.deployment;

import io.oppflow.process.bpmn.TaskFormValues;
import java.util.Collection;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A task's form variables, as Tasklist reads them to fill a Camunda Form ({@code /task/{id}/form-variables}, and
 * {@code FormService#getTaskFormVariables}), with the values its form shows worked out now ({@link TaskFormValues}):
 * they outrank a variable of the same name the task inherits. The engine's own read runs first, so whoever may not
 * read the task's variables gets its refusal, and nothing is added.
 */
final class FormValuesOnRead extends CommandInterceptor {

  private final Supplier<TaskFormValues> values;

  FormValuesOnRead(Supplier<TaskFormValues> values) {
    this.values = values;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (!(command instanceof GetTaskFormVariablesCmd read) || read.resourceId == null) {
      return next.execute(command);
    }
    return next.execute(context -> {
      T result = command.execute(context);
      TaskEntity task = context.getTaskManager().findTaskById(read.resourceId);
      if (task != null && result instanceof VariableMap variables) {
        add(variables, values.get().of(task), read.formVariableNames);
      }
      return result;
    });
  }

  private static void add(VariableMap variables, Map<String, Object> shown, Collection<String> names) {
    shown.forEach((name, value) -> {
      if (names == null || names.contains(name)) {
        variables.putValueTyped(name, typed(value));
      }
    });
  }

  /** As the engine would type the value if it were a variable, so the REST API names its type. */
  private static TypedValue typed(Object value) {
    if (value == null) {
      return Variables.untypedNullValue();
    }
    if (value instanceof Boolean b) {
      return Variables.booleanValue(b);
    }
    if (value instanceof Long l) {
      return Variables.longValue(l);
    }
    if (value instanceof Integer i) {
      return Variables.integerValue(i);
    }
    if (value instanceof Double d) {
      return Variables.doubleValue(d);
    }
    return Variables.stringValue(value.toString());
  }
}

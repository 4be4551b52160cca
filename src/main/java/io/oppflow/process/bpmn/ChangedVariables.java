package io.oppflow.process.bpmn;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Sets a variable only when its value changes. A value written again unchanged (the next advance's
 * {@code stageAction}, a gate that passes again, the same rep completing the next task) would cost an update of
 * the variable and a history row that records nothing new.
 */
final class ChangedVariables {

  private ChangedVariables() {}

  static void set(VariableScope scope, String name, Object value) {
    if (!scope.hasVariable(name) || !Objects.equals(scope.getVariable(name), value)) {
      scope.setVariable(name, value);
    }
  }
}

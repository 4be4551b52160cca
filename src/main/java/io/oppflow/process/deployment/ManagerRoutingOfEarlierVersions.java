package io.oppflow.process.deployment;

import io.oppflow.process.bpmn.OpportunityManagers;
import io.oppflow.organization.Role;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Process versions deployed before managers' tasks named {@link OpportunityManagers#EXPRESSION} in their BPMN
 * (candidate group {@code sales-manager}, the listener {@code ${routeGateException}}, or a {@code ${reviewStalled}}
 * task that offered itself) keep routing those tasks to the managers of the opportunity's org unit, by that same
 * expression: opportunities running on them must not become visible to every manager after an upgrade.
 * Only definitions read back from the database are changed, and each change is logged; a new deployment is
 * never changed, it is checked ({@link StageConventions} refuses the group).
 */
public class ManagerRoutingOfEarlierVersions extends AbstractBpmnParseListener {

  public static final String ROUTE_LISTENER = "${routeGateException}";
  private static final Logger log = LoggerFactory.getLogger(ManagerRoutingOfEarlierVersions.class);

  private final Supplier<ExpressionManager> expressions;

  ManagerRoutingOfEarlierVersions(Supplier<ExpressionManager> expressions) {
    this.expressions = expressions;
  }

  @Override
  public void parseProcess(Element process, ProcessDefinitionEntity definition) {
    if (StageModelParseListener.isNewDeployment(definition)) {
      return;
    }
    upgrade(definition.getActivities(), definition);
  }

  private void upgrade(List<ActivityImpl> activities, ScopeImpl definition) {
    for (ActivityImpl activity : activities) {
      if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask
          && upgrade(userTask.getTaskDefinition(), expressions.get())) {
        log.info("{} of {} (deployed before manager routing was named in the BPMN) is offered by {}",
            activity.getId(), definition.getId(), OpportunityManagers.EXPRESSION);
      }
      upgrade(activity.getActivities(), definition);
    }
  }

  /** Rewrites an earlier version's manager routing to the expression; whether {@code task} was one. */
  static boolean upgrade(TaskDefinition task, ExpressionManager expressions) {
    boolean group = task.getCandidateGroupIdExpressions()
        .removeIf(e -> Role.MANAGER.groupId().equals(e.getExpressionText().strip()));
    Predicate<TaskListener> route = l -> l instanceof DelegateExpressionTaskListener d && ROUTE_LISTENER.equals(d.getExpressionText());
    // the engine keeps the custom listeners twice: alone and together with the built-in ones
    boolean routed = removeIf(task.getTaskListenersForEvent(TaskListener.EVENTNAME_CREATE), route);
    removeIf(task.getAllTaskListenersForEvent(TaskListener.EVENTNAME_CREATE), route);
    boolean review = orEmpty(task.getTaskListenersForEvent(TaskListener.EVENTNAME_CREATE)).stream()
        .anyMatch(l -> l instanceof DelegateExpressionTaskListener d && StageConventions.REVIEW_LISTENER.equals(d.getExpressionText()));
    boolean named = task.getCandidateUserIdExpressions().stream()
        .anyMatch(e -> OpportunityManagers.EXPRESSION.equals(e.getExpressionText()));
    if ((group || routed || review) && !named) {
      Expression managers = expressions.createExpression(OpportunityManagers.EXPRESSION);
      task.addCandidateUserIdExpression(managers);
      return true;
    }
    return group || routed;
  }

  private static boolean removeIf(List<TaskListener> listeners, Predicate<TaskListener> which) {
    return listeners != null && listeners.removeIf(which);
  }

  private static List<TaskListener> orEmpty(List<TaskListener> listeners) {
    return listeners == null ? List.of() : listeners;
  }
}

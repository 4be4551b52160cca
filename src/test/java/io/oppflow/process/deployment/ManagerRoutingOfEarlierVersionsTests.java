package io.oppflow.process.deployment;

import io.oppflow.process.bpmn.OpportunityManagers;
import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.junit.jupiter.api.Test;

/**
 * A process version deployed before managers' tasks named their routing in the BPMN offers those tasks, when
 * the engine reads it back, by the same expression the current BPMN names: never to the whole manager group.
 */
class ManagerRoutingOfEarlierVersionsTests {

  final JuelExpressionManager expressions = new JuelExpressionManager();

  TaskDefinition task() {
    return new TaskDefinition(null);
  }

  static boolean offeredToManagers(TaskDefinition task) {
    return task.getCandidateUserIdExpressions().stream()
        .anyMatch(e -> OpportunityManagers.EXPRESSION.equals(e.getExpressionText()));
  }

  @Test
  void shouldOfferAnEarlierProjectTeamTaskToTheOpportunitysManagersInsteadOfTheWholeGroup() {
    TaskDefinition task = task();
    task.addCandidateUserIdExpression(expressions.createExpression("${owner}"));
    task.addCandidateGroupIdExpression(expressions.createExpression("sales-expert"));
    task.addCandidateGroupIdExpression(expressions.createExpression("sales-manager"));

    assertThat(ManagerRoutingOfEarlierVersions.upgrade(task, expressions)).isTrue();

    assertThat(task.getCandidateGroupIdExpressions()).extracting(Expression::getExpressionText).containsExactly("sales-expert");
    assertThat(task.getCandidateUserIdExpressions()).extracting(Expression::getExpressionText)
        .containsExactlyInAnyOrder("${owner}", OpportunityManagers.EXPRESSION);
  }

  @Test
  void shouldReplaceTheEarlierApprovalRoutingListenerByTheExpression() {
    TaskDefinition task = task();
    task.addTaskListener(TaskListener.EVENTNAME_CREATE,
        new DelegateExpressionTaskListener(expressions.createExpression(ManagerRoutingOfEarlierVersions.ROUTE_LISTENER), null));
    task.addTaskListener(TaskListener.EVENTNAME_COMPLETE,
        new DelegateExpressionTaskListener(expressions.createExpression("${decideGateException}"), null));

    assertThat(ManagerRoutingOfEarlierVersions.upgrade(task, expressions)).isTrue();

    assertThat(offeredToManagers(task)).isTrue();
    assertThat(task.getTaskListenersForEvent(TaskListener.EVENTNAME_CREATE)).isEmpty();
    assertThat(task.getAllTaskListenersForEvent(TaskListener.EVENTNAME_CREATE)).as("what the engine calls").isEmpty();
    assertThat(task.getAllTaskListenersForEvent(TaskListener.EVENTNAME_COMPLETE)).hasSize(1);
  }

  @Test
  void shouldOfferAnEarlierStalledReviewToTheOpportunitysManagersAndKeepItsListener() {
    TaskDefinition task = task();
    task.addTaskListener(TaskListener.EVENTNAME_CREATE,
        new DelegateExpressionTaskListener(expressions.createExpression(StageConventions.REVIEW_LISTENER), null));

    assertThat(ManagerRoutingOfEarlierVersions.upgrade(task, expressions)).isTrue();

    assertThat(offeredToManagers(task)).isTrue();
    assertThat(task.getAllTaskListenersForEvent(TaskListener.EVENTNAME_CREATE)).hasSize(1);
  }

  @Test
  void shouldLeaveARepsTaskAndACurrentManagersTaskAsTheyAre() {
    TaskDefinition rep = task();
    rep.setAssigneeExpression(expressions.createExpression("${owner}"));
    TaskDefinition current = task();
    current.addCandidateUserIdExpression(expressions.createExpression(OpportunityManagers.EXPRESSION));
    current.addTaskListener(TaskListener.EVENTNAME_CREATE,
        new DelegateExpressionTaskListener(expressions.createExpression(StageConventions.REVIEW_LISTENER), null));

    assertThat(ManagerRoutingOfEarlierVersions.upgrade(rep, expressions)).isFalse();
    assertThat(ManagerRoutingOfEarlierVersions.upgrade(current, expressions)).isFalse();

    assertThat(rep.getCandidateUserIdExpressions()).isEmpty();
    assertThat(current.getCandidateUserIdExpressions()).hasSize(1);
  }
}

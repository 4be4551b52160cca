package io.oppflow.process.deployment;

import io.oppflow.process.bpmn.FollowGateExceptionListener;
import io.oppflow.process.history.FormBaselineOutOfHistory;
import io.oppflow.process.history.StageHistoryProjection;
import io.oppflow.funnel.StageIntervals;
import io.oppflow.gate.ActiveRules;
import io.oppflow.opportunity.OpportunityService;
import io.oppflow.process.bpmn.OpportunityFromStartForm;
import io.oppflow.process.bpmn.TaskFormValues;
import org.camunda.bpm.engine.RepositoryService;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Plugs the stage model into the engine: {@link StageModelParseListener} checks every deployment,
 * {@link StageFormKeys} every deployed Camunda Form, {@link ManagerRoutingOfEarlierVersions} keeps process
 * versions deployed before the explicit manager routing offering managers' tasks to the opportunity's managers,
 * {@link StageHistoryProjection} turns stage history events into the funnel's stage intervals,
 * {@link FormBaselineOutOfHistory} writes Camunda's history without the stage forms' baseline,
 * {@link OpportunityStartGuard} starts stage processes only for opportunities (or opens one from the start form),
 * {@link StageWorkerParseListener} remembers who completed each stage task,
 * {@link VariableWriteGuard} keeps sales users' variable writes to their tasks' form fields,
 * {@link StageFormCompletion} keeps a stage form's submitted values on its task, for the completing command only,
 * {@link FormValuesOnRead} fills the forms from the opportunity when they are read, and
 * {@link ExceptionRequesterFollows} lets the requester of a gate exception follow its approval task.
 */
@Component
public class StageModelPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<ActiveRules> activeRules;
  private final ObjectProvider<StageIntervals> intervals;
  private final ObjectProvider<RepositoryService> repository;
  private final ObjectProvider<OpportunityService> opportunities;
  private final ObjectProvider<FollowGateExceptionListener> followException;
  private final ObjectProvider<OpportunityFromStartForm> startForm;
  private final ObjectProvider<TaskFormValues> formValues;

  StageModelPlugin(ObjectProvider<ActiveRules> activeRules, ObjectProvider<StageIntervals> intervals,
      ObjectProvider<RepositoryService> repository, ObjectProvider<OpportunityService> opportunities,
      ObjectProvider<FollowGateExceptionListener> followException, ObjectProvider<OpportunityFromStartForm> startForm,
      ObjectProvider<TaskFormValues> formValues) {
    this.formValues = formValues;
    this.opportunities = opportunities;
    this.followException = followException;
    this.startForm = startForm;
    this.activeRules = activeRules;
    this.intervals = intervals;
    this.repository = repository;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<BpmnParseListener>());
    }
    configuration.getCustomPostBPMNParseListeners().add(
        new StageModelParseListener(() -> activeRules.getObject().current()));
    configuration.getCustomPostBPMNParseListeners().add(
        new ManagerRoutingOfEarlierVersions(configuration::getExpressionManager));
    configuration.getCustomPostBPMNParseListeners().add(new OpportunityStartGuard(opportunities::getObject, startForm::getObject));
    configuration.getCustomPostBPMNParseListeners().add(new StageWorkerParseListener());
    configuration.getCustomPostBPMNParseListeners().add(
        new ExceptionRequesterFollows(task -> followException.getObject().notify(task)));
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<>());
    }
    configuration.getCustomPreDeployers().add(new StageFormKeys());
    // one guard per chain: an interceptor knows the next one of its own chain
    for (List<CommandInterceptor> chain : List.of(preInterceptors(configuration), preInterceptorsRequiresNew(configuration))) {
      chain.add(new VariableWriteGuard(configuration::getIdentityService,
          () -> new TaskFormFields(configuration.getFormService())));
      chain.add(new StageFormCompletion());
      chain.add(new FormValuesOnRead(formValues::getObject));
    }
    if (configuration.getCustomHistoryEventHandlers() == null) {
      configuration.setCustomHistoryEventHandlers(new ArrayList<>());
    }
    // Camunda's history writer comes first, as the default composite puts it, only without the form baseline
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    configuration.getCustomHistoryEventHandlers().add(0, new FormBaselineOutOfHistory());
    configuration.getCustomHistoryEventHandlers().add(new StageHistoryProjection(intervals, repository));
  }

  private static List<CommandInterceptor> preInterceptors(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    return configuration.getCustomPreCommandInterceptorsTxRequired();
  }

  private static List<CommandInterceptor> preInterceptorsRequiresNew(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequiresNew() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequiresNew(new ArrayList<>());
    }
    return configuration.getCustomPreCommandInterceptorsTxRequiresNew();
  }
}

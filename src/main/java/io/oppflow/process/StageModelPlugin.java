package io.oppflow.process;

import io.oppflow.funnel.StageIntervals;
import io.oppflow.gate.ActiveRules;
import org.camunda.bpm.engine.RepositoryService;
import java.util.ArrayList;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Plugs the stage model into the engine: {@link StageModelParseListener} checks every deployment,
 * {@link OrgUnitManagersParseListener} offers managers' tasks to the managers of the opportunity's org unit, and
 * {@link StageHistoryProjection} turns stage history events into the funnel's stage intervals.
 */
@Component
class StageModelPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<ActiveRules> activeRules;
  private final ObjectProvider<StageIntervals> intervals;
  private final ObjectProvider<RepositoryService> repository;
  private final ObjectProvider<OpportunityManagers> managers;

  StageModelPlugin(ObjectProvider<ActiveRules> activeRules, ObjectProvider<StageIntervals> intervals,
      ObjectProvider<RepositoryService> repository, ObjectProvider<OpportunityManagers> managers) {
    this.activeRules = activeRules;
    this.intervals = intervals;
    this.repository = repository;
    this.managers = managers;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<BpmnParseListener>());
    }
    configuration.getCustomPostBPMNParseListeners().add(
        new StageModelParseListener(() -> activeRules.getObject().current()));
    configuration.getCustomPostBPMNParseListeners().add(
        new OrgUnitManagersParseListener(new OrgUnitManagersListener(managers)));
    if (configuration.getCustomHistoryEventHandlers() == null) {
      configuration.setCustomHistoryEventHandlers(new ArrayList<>());
    }
    configuration.getCustomHistoryEventHandlers().add(new StageHistoryProjection(intervals, repository));
  }
}

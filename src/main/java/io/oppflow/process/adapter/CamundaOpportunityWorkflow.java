package io.oppflow.process.adapter;

import io.oppflow.process.ProcessVariables;
import io.oppflow.funnel.StageCatalog;
import io.oppflow.funnel.StageProcesses;
import io.oppflow.opportunity.Opportunity;
import io.oppflow.opportunity.OpportunityWorkflow;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Runs each opportunity as an instance of its stage process, keyed by the opportunity's code. */
@Component
public class CamundaOpportunityWorkflow implements OpportunityWorkflow {

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final StageCatalog stages;
  private final StageProcesses processes;
  private final ProcessEngineConfigurationImpl engine;

  CamundaOpportunityWorkflow(RepositoryService repository, RuntimeService runtime, StageCatalog stages,
      StageProcesses processes, ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
    this.repository = repository;
    this.runtime = runtime;
    this.stages = stages;
    this.processes = processes;
  }

  @Override
  public String processFor(String requested) {
    if (requested != null && (isStageProcess(requested.strip()) || hasProcess(requested.strip()))) {
      return requested.strip();
    }
    return processes.resolve(requested);
  }

  @Override
  public boolean hasProcess(String processKey) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion().count() > 0;
  }

  @Override
  public boolean isStageProcess(String processKey) {
    return !stages.stagesOf(processKey).isEmpty();
  }

  @Override
  public String start(Opportunity opportunity) {
    return runtime.startProcessInstanceByKey(opportunity.getProcessKey(), opportunity.getCode(),
        Variables.createVariables()
            .putValue(ProcessVariables.OWNER, opportunity.getOwner())
            .putValue(ProcessVariables.ORG_UNIT, opportunity.getOrgUnit()))
        .getId();
  }

  @Override
  public String startAt(Opportunity opportunity, String stageCode, java.time.Instant stageEnteredAt) {
    String id = runtime.createProcessInstanceByKey(opportunity.getProcessKey())
        .businessKey(opportunity.getCode())
        .setVariables(Variables.createVariables()
            .putValue(ProcessVariables.OWNER, opportunity.getOwner())
            .putValue(ProcessVariables.ORG_UNIT, opportunity.getOrgUnit()))
        .startBeforeActivity("Stage_" + stageCode)
        .execute()
        .getId();
    // the stage's timers count from its historical entry, not from now
    engine.getCommandExecutorTxRequired().execute(command -> {
      HistoricalStageEntry.backdateTimers(command, id, stageEnteredAt, engine.getJobExecutor());
      return null;
    });
    return id;
  }
}

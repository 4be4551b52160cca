package io.oppflow.process.adapter;

import io.oppflow.process.ProcessVariables;
import io.oppflow.funnel.StageProcesses;
import io.oppflow.opportunity.Opportunity;
import io.oppflow.opportunity.OpportunityWorkflow;
import io.oppflow.opportunity.StageProcessVersion;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import java.time.Instant;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** Runs each opportunity as an instance of its stage process, keyed by the opportunity's code. */
@Component
public class CamundaOpportunityWorkflow implements OpportunityWorkflow {

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final BpmnStageCatalog stages;
  private final StageProcesses processes;
  private final ProcessEngineConfigurationImpl engine;

  CamundaOpportunityWorkflow(RepositoryService repository, RuntimeService runtime, BpmnStageCatalog stages,
      StageProcesses processes, ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
    this.repository = repository;
    this.runtime = runtime;
    this.stages = stages;
    this.processes = processes;
  }

  @Override
  public StageProcessVersion latestFor(String requested) {
    String key = requested == null || requested.isBlank() ? processes.resolve(null) : requested.strip();
    ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
        .singleResult();
    if (latest == null) {
      processes.resolve(key); // refuses, naming the stage processes to choose from
      throw new IllegalStateException("'" + key + "' is not deployed but was resolved as a stage process");
    }
    return new StageProcessVersion(key, latest.getId(), !stages.stagesOfVersion(latest.getId()).isEmpty());
  }

  @Override
  public String start(Opportunity opportunity, StageProcessVersion version) {
    return runtime.startProcessInstanceById(version.definitionId(), opportunity.getCode(), variablesOf(opportunity))
        .getId();
  }

  @Override
  public String startAt(Opportunity opportunity, String stageCode, Instant stageEnteredAt, Instant dueReviewsHeldUntil) {
    // one command: the start's timers are still in its cache when they are moved to the historical entry
    return engine.getCommandExecutorTxRequired().execute(command -> {
      String id = runtime.createProcessInstanceByKey(opportunity.getProcessKey())
          .businessKey(opportunity.getCode())
          .setVariables(variablesOf(opportunity))
          .startBeforeActivity("Stage_" + stageCode)
          .execute()
          .getId();
      HistoricalStageEntry.backdateTimers(command, id, stageEnteredAt, dueReviewsHeldUntil, engine.getJobExecutor());
      return id;
    });
  }

  @Override
  public <T> T together(Supplier<T> starts) {
    return engine.getCommandExecutorTxRequired().execute(command -> starts.get());
  }

  @Override
  public int releaseHeldReviews(Instant heldUntil) {
    return HistoricalStageEntry.release(engine.getCommandExecutorTxRequired(), heldUntil, engine.getJobExecutor());
  }

  private static VariableMap variablesOf(Opportunity opportunity) {
    return Variables.createVariables()
        .putValue(ProcessVariables.OWNER, opportunity.getOwner())
        .putValue(ProcessVariables.ORG_UNIT, opportunity.getOrgUnit());
  }
}

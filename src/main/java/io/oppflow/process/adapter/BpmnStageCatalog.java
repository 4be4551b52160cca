package io.oppflow.process.adapter;

import io.oppflow.process.StageModel;
import io.oppflow.shared.Message;
import io.oppflow.funnel.StageCatalog;
import io.oppflow.funnel.StageDefinition;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.springframework.stereotype.Component;

/** Reads the stages (and their properties) from the latest deployed BPMN of a stage process. */
@Component
public class BpmnStageCatalog implements StageCatalog {

  private final RepositoryService repository;

  BpmnStageCatalog(RepositoryService repository) {
    this.repository = repository;
  }

  @Override
  public List<StageDefinition> stagesOf(String processKey) {
    ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
        .latestVersion().singleResult();
    if (latest == null) {
      return List.of();
    }
    return repository.getBpmnModelInstance(latest.getId()).getModelElementsByType(SubProcess.class).stream()
        .filter(s -> StageModel.property(s, StageModel.STAGE_CODE).isPresent())
        .map(BpmnStageCatalog::definition)
        .sorted(Comparator.comparingInt(StageDefinition::order))
        .toList();
  }

  private static StageDefinition definition(SubProcess stage) {
    String code = StageModel.property(stage, StageModel.STAGE_CODE).orElseThrow().strip();
    int order = StageModel.property(stage, StageModel.STAGE_ORDER).map(String::strip).map(Integer::valueOf).orElse(0);
    BigDecimal probability = StageModel.property(stage, StageModel.WIN_PROBABILITY).map(String::strip)
        .map(BigDecimal::new).orElse(BigDecimal.ZERO);
    String name = stage.getName() == null ? code : stage.getName();
    int slash = name.indexOf(" / ");
    Message bilingual = slash < 0 ? new Message(name, name) : new Message(name.substring(0, slash).strip(), name.substring(slash + 3).strip());
    return new StageDefinition(code, order, bilingual, probability);
  }
}

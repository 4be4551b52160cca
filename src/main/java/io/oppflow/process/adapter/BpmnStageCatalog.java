package io.oppflow.process.adapter;

import io.oppflow.process.StageModel;
import io.oppflow.shared.Message;
import io.oppflow.funnel.StageCatalog;
import io.oppflow.funnel.StageDefinition;
import io.oppflow.funnel.StageProcess;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.springframework.stereotype.Component;

/** Reads the stages (and their properties) from the latest deployed BPMN of a stage process. */
@Component
public class BpmnStageCatalog implements StageCatalog {

  private final RepositoryService repository;
  /** A deployed definition never changes: its stages are read from its BPMN once per node. */
  private final Map<String, List<StageDefinition>> stagesByDefinition = new ConcurrentHashMap<>();

  BpmnStageCatalog(RepositoryService repository) {
    this.repository = repository;
  }

  @Override
  public List<StageDefinition> stagesOf(String processKey) {
    ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
        .latestVersion().singleResult();
    return latest == null ? List.of() : stages(latest);
  }

  /** The stages of one deployed version (a process definition id), in stage order; empty if it has none. */
  public List<StageDefinition> stagesOfVersion(String definitionId) {
    return stagesByDefinition.computeIfAbsent(definitionId, this::read);
  }

  @Override
  public List<StageProcess> processes() {
    return repository.createProcessDefinitionQuery().latestVersion().list().stream()
        .map(d -> new StageProcess(d.getKey(), bilingual(d.getName() == null ? d.getKey() : d.getName()), d.getVersion(),
            stages(d)))
        .filter(p -> !p.stages().isEmpty())
        .sorted(Comparator.comparing(StageProcess::key))
        .toList();
  }

  private List<StageDefinition> stages(ProcessDefinition definition) {
    return stagesOfVersion(definition.getId());
  }

  private List<StageDefinition> read(String definitionId) {
    return repository.getBpmnModelInstance(definitionId).getModelElementsByType(SubProcess.class).stream()
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
    String dwellLimit = StageModel.property(stage, StageModel.DWELL_LIMIT).map(String::strip)
        .filter(s -> !s.isEmpty()).orElse(null);
    return new StageDefinition(code, order, bilingual(stage.getName() == null ? code : stage.getName()), probability,
        dwellLimit);
  }

  /** "中文 / English" as modelled; a name without the separator stands for both. */
  private static Message bilingual(String name) {
    int slash = name.indexOf(" / ");
    return slash < 0 ? new Message(name, name) : new Message(name.substring(0, slash).strip(), name.substring(slash + 3).strip());
  }
}

package io.oppflow.process.adapter;

import io.oppflow.process.ProcessVariables;
import io.oppflow.process.deployment.StageModelParseListener;
import io.oppflow.gate.DeployedGates;
import io.oppflow.gate.RuleSet;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.springframework.stereotype.Component;

/** Finds every ${checkStageGate} task of the latest deployed process versions and the stage it guards. */
@Component
public class BpmnDeployedGates implements DeployedGates {

  private final RepositoryService repository;

  BpmnDeployedGates(RepositoryService repository) {
    this.repository = repository;
  }

  @Override
  public Set<RuleSet.Gate> required() {
    Set<RuleSet.Gate> gates = new TreeSet<>();
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
      for (ServiceTask task : repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(ServiceTask.class)) {
        if (StageModelParseListener.GATE_DELEGATE.equals(task.getCamundaDelegateExpression())) {
          String stage = stageInput(task);
          if (stage != null) {
            gates.add(new RuleSet.Gate(definition.getKey(), stage));
          }
        }
      }
    }
    return gates;
  }

  private static String stageInput(ServiceTask task) {
    if (task.getExtensionElements() == null) {
      return null;
    }
    return task.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).list().stream()
        .flatMap(io -> io.getCamundaInputParameters().stream())
        .filter(p -> ProcessVariables.GATE_STAGE.equals(p.getCamundaName()))
        .map(CamundaInputParameter::getTextContent)
        .map(String::strip)
        .findFirst().orElse(null);
  }
}

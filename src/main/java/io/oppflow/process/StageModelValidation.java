package io.oppflow.process;

import io.oppflow.gate.ActiveRules;
import java.util.ArrayList;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Plugs {@link StageModelParseListener} into the engine, so every deployment is checked. */
@Component
class StageModelValidation extends AbstractProcessEnginePlugin {

  private final ObjectProvider<ActiveRules> activeRules;

  StageModelValidation(ObjectProvider<ActiveRules> activeRules) {
    this.activeRules = activeRules;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<BpmnParseListener>());
    }
    configuration.getCustomPostBPMNParseListeners().add(
        new StageModelParseListener(() -> activeRules.getObject().current()));
  }
}

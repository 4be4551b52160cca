package io.oppflow.process.deployment;

import io.oppflow.opportunity.Opportunity;
import io.oppflow.opportunity.OpportunityNotFoundException;
import io.oppflow.opportunity.OpportunityService;
import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * A stage process runs only for an opportunity: its business key must be the code of an opportunity
 * that has no process yet. Opening an opportunity (our API, or an import) saves it first and then starts
 * its process, so that passes; a start through {@code /engine-rest}, Cockpit or any other door with no
 * opportunity behind it is refused with 400 before anything is written. Attached to every stage process
 * when the engine parses it, whoever deployed it.
 */
public class OpportunityStartGuard extends AbstractBpmnParseListener implements ExecutionListener {

  private final Supplier<OpportunityService> opportunities;

  OpportunityStartGuard(Supplier<OpportunityService> opportunities) {
    this.opportunities = opportunities;
  }

  @Override
  public void parseProcess(Element process, ProcessDefinitionEntity definition) {
    boolean stageProcess = StageModelParseListener.descendants(process).stream()
        .anyMatch(e -> "subProcess".equals(e.getTagName()) && StageModelParseListener.isStage(e));
    if (stageProcess) {
      definition.addListener(ExecutionListener.EVENTNAME_START, this);
    }
  }

  @Override
  public void notify(DelegateExecution execution) {
    String code = execution.getProcessBusinessKey();
    if (code == null || code.isBlank()) {
      throw refused("阶段流程只能为商机启动：业务键须为商机编号。请通过 POST /api/opportunities 创建商机 / "
          + "A stage process starts only for an opportunity: its business key must be the opportunity's code. "
          + "Open opportunities with POST /api/opportunities");
    }
    Opportunity opportunity;
    try {
      opportunity = opportunities.get().byCode(code);
    } catch (OpportunityNotFoundException e) {
      throw refused("没有编号为 " + code + " 的商机：请通过 POST /api/opportunities 创建 / There is no opportunity "
          + code + ": open it with POST /api/opportunities, which starts its process");
    }
    if (opportunity.getProcessInstanceId() != null) {
      throw refused("商机 " + code + " 已有流程实例 / Opportunity " + code + " already runs in process instance "
          + opportunity.getProcessInstanceId());
    }
  }

  private static BadUserRequestException refused(String message) {
    return new BadUserRequestException(message);
  }
}

package io.oppflow.process.deployment;

import io.oppflow.opportunity.Opportunity;
import io.oppflow.opportunity.OpportunityNotFoundException;
import io.oppflow.opportunity.OpportunityService;
import io.oppflow.process.bpmn.OpportunityFromStartForm;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * A stage process runs only for an opportunity. Either its business key is the code of an opportunity
 * that has no process yet: opening an opportunity (our API, or an import) saves it first and then starts
 * its process. Or the start carries the values of the start form ({@code form-start-opportunity}, Tasklist's
 * "Start process"): then the opportunity is opened here, for this very instance, through the same service
 * and checks ({@link OpportunityFromStartForm}). Any other start through {@code /engine-rest}, Cockpit or any
 * other door is refused with 400 before anything is written. Attached to every stage process when the
 * engine parses it, whoever deployed it.
 */
public class OpportunityStartGuard extends AbstractBpmnParseListener implements ExecutionListener {

  private final Supplier<OpportunityService> opportunities;
  private final Supplier<OpportunityFromStartForm> startForm;

  OpportunityStartGuard(Supplier<OpportunityService> opportunities, Supplier<OpportunityFromStartForm> startForm) {
    this.opportunities = opportunities;
    this.startForm = startForm;
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
    boolean blank = code == null || code.isBlank();
    Optional<Opportunity> existing = blank ? Optional.empty() : opportunity(code);
    if (existing.isPresent()) {
      if (existing.get().getProcessInstanceId() != null) {
        throw refused("商机 " + code + " 已有流程实例 / Opportunity " + code + " already runs in process instance "
            + existing.get().getProcessInstanceId());
      }
      return;
    }
    if (startForm.get().carriesStartForm(execution)) {
      startForm.get().open(execution, blank ? null : code);
      return;
    }
    if (blank) {
      throw refused("阶段流程只能为商机启动：请在 Tasklist 中用“启动流程”填写新商机表单，或通过 POST /api/opportunities 创建商机 / "
          + "A stage process starts only for an opportunity: start it in Tasklist (Start process) with the new-opportunity "
          + "form, or open the opportunity with POST /api/opportunities");
    }
    throw refused("没有编号为 " + code + " 的商机：请在 Tasklist 中用“启动流程”填写新商机表单，或通过 POST /api/opportunities 创建 / "
        + "There is no opportunity " + code + ": start it in Tasklist (Start process) with the new-opportunity form, "
        + "or open it with POST /api/opportunities, which starts its process");
  }

  private Optional<Opportunity> opportunity(String code) {
    try {
      return Optional.of(opportunities.get().byCode(code));
    } catch (OpportunityNotFoundException e) {
      return Optional.empty();
    }
  }

  private static BadUserRequestException refused(String message) {
    return new BadUserRequestException(message);
  }
}

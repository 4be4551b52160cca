package io.oppflow.process.bpmn;

import io.oppflow.funnel.StageIntervals;
import io.oppflow.gate.GateDecision;
import io.oppflow.gate.GateExceptionService;
import io.oppflow.gate.GateExceptionView;
import io.oppflow.gate.StageGateService;
import io.oppflow.gate.Verdict;
import io.oppflow.opportunity.Opportunity;
import io.oppflow.opportunity.OpportunityService;
import io.oppflow.process.ProcessVariables;
import io.oppflow.process.StageModel;
import io.oppflow.process.adapter.StalledStage;
import io.oppflow.process.bpmn.DealCaption.Kind;
import io.oppflow.process.bpmn.DealCaption.Stage;
import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * {@code ${captionTask}} (create listener of the stage tasks, exception approvals and stalled reviews): names
 * the new task for its deal and its stage's gate and describes the deal; its form shows the gate feedback of this
 * stage only ({@code gateFeedback}), so a new stage starts clean, worked out when the form is read
 * ({@link TaskFormValues}). The caption is built from the opportunity as it is now and the gate records, never
 * from a variable a user could write; {@code OpenTaskCaptions} names and describes open tasks again when the
 * facts change.
 */
@Component(TaskCaptions.BEAN)
public class TaskCaptions implements TaskListener {

  static final String BEAN = "captionTask";
  /** How a task that is named for its deal declares it in the BPMN: {@code create ${captionTask}}. */
  public static final String EXPRESSION = "${" + BEAN + "}";

  private final OpportunityService opportunities;
  private final StageGateService gates;
  private final GateExceptionService exceptions;
  private final StageIntervals intervals;
  private final Clock clock;

  TaskCaptions(OpportunityService opportunities, StageGateService gates, GateExceptionService exceptions,
      StageIntervals intervals, Clock clock) {
    this.opportunities = opportunities;
    this.gates = gates;
    this.exceptions = exceptions;
    this.intervals = intervals;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    String code = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    if (code == null) {
      return;
    }
    DealCaption caption = captionOf(task.getBpmnModelElementInstance(), task.getProcessInstanceId(),
        opportunities.byCode(code));
    task.setName(caption.name());
    task.setDescription(caption.description());
    // left by a version that kept the feedback on the process instance: it belongs to an earlier stage
    task.getExecution().getProcessInstance().removeVariable(ProcessVariables.GATE_FEEDBACK);
  }

  /** Whether the task element declares this listener: only such tasks are named for their deal. */
  public static boolean isDeclaredOn(UserTask element) {
    return element != null && element.getExtensionElements() != null
        && element.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
            .anyMatch(l -> TaskListener.EVENTNAME_CREATE.equals(l.getCamundaEvent())
                && EXPRESSION.equals(l.getCamundaDelegateExpression()));
  }

  /** The caption of a task of {@code element} in the process instance that carries {@code opportunity}. */
  public DealCaption captionOf(UserTask element, String processInstanceId, Opportunity opportunity) {
    String code = opportunity.getCode();
    Optional<StalledStage> stalled = StalledStage.of(element);
    BaseElement stageElement = stalled.<BaseElement>map(s -> element.getModelInstance().getModelElementById(s.elementId()))
        .orElseGet(() -> enclosingStage(element));
    Stage stage = stageOf(stageElement).orElse(null);
    Kind kind = kindOf(element, stage, stalled.isPresent());
    Optional<GateDecision> stageGate = Optional.empty();
    Optional<GateDecision> previousGate = Optional.empty();
    if (kind == Kind.STALLED_REVIEW) {
      stageGate = gates.lastDecision(code, stage.code());
    } else if (stage != null) {
      Optional<GateDecision> latest = gates.latestDecision(code);
      stageGate = latest.filter(d -> stage.code().equals(d.verdict().stage()));
      previousGate = latest.filter(d -> !stage.code().equals(d.verdict().stage()) && d.verdict().verdict() != Verdict.FAILED);
    }
    Optional<GateExceptionView> stageException = needsException(kind, stageGate)
        ? exceptionFor(code, stageGate.get()) : Optional.empty();
    Optional<Stage> previousStage = previousGate.flatMap(d -> stageCoded(element, d.verdict().stage()));
    DealCaption.Facts facts = new DealCaption.Facts(kind, element.getName(), documentation(element), stage, opportunity,
        stageGate, stageException, previousGate, previousStage,
        stage == null ? Optional.empty() : intervals.enteredAt(processInstanceId, stage.code()),
        stageElement == null ? Optional.empty() : StageModel.property(stageElement, StageModel.DWELL_LIMIT).map(String::strip));
    return DealCaption.of(facts, clock);
  }

  private static Kind kindOf(UserTask element, Stage stage, boolean stalled) {
    if (stage == null) {
      return Kind.OTHER;
    }
    if (stalled) {
      return Kind.STALLED_REVIEW;
    }
    if (StageModel.stageTaskId(stage.code()).equals(element.getId())) {
      return Kind.STAGE_TASK;
    }
    return StageModel.approvalTaskId(stage.code()).equals(element.getId()) ? Kind.APPROVAL : Kind.OTHER;
  }

  /** A rejected exception renames the stage task; an approval shows who asked and why. */
  private static boolean needsException(Kind kind, Optional<GateDecision> stageGate) {
    return stageGate.filter(d -> d.verdict().verdict() == Verdict.FAILED).isPresent()
        && (kind == Kind.STAGE_TASK || kind == Kind.APPROVAL);
  }

  private Optional<GateExceptionView> exceptionFor(String code, GateDecision failed) {
    return exceptions.of(code).stream().filter(e -> e.failedGateRecordId() == failed.recordId())
        .max(Comparator.comparingLong(GateExceptionView::id));
  }

  private static BaseElement enclosingStage(ModelElementInstance element) {
    for (ModelElementInstance e = element.getParentElement(); e != null; e = e.getParentElement()) {
      if (e instanceof SubProcess stage && StageModel.property(stage, StageModel.STAGE_CODE).isPresent()) {
        return stage;
      }
    }
    return null;
  }

  private static Optional<Stage> stageCoded(UserTask element, String code) {
    return element.getModelInstance().getModelElementsByType(SubProcess.class).stream()
        .filter(s -> StageModel.property(s, StageModel.STAGE_CODE).map(String::strip).filter(code::equals).isPresent())
        .findFirst().flatMap(TaskCaptions::stageOf);
  }

  private static Optional<Stage> stageOf(BaseElement element) {
    return StageModel.property(element, StageModel.STAGE_CODE).map(String::strip).map(code -> new Stage(code,
        StageModel.property(element, StageModel.STAGE_ORDER).map(String::strip).orElse(null),
        element.getAttributeValue("name") == null ? code : element.getAttributeValue("name")));
  }

  private static String documentation(UserTask element) {
    return element.getDocumentations().stream().map(Documentation::getTextContent).collect(Collectors.joining("\n"));
  }
}

package io.oppflow.process.deployment;

import io.oppflow.process.ProcessVariables;
import io.oppflow.process.StageModel;
import io.oppflow.process.bpmn.OpportunityManagers;
import io.oppflow.organization.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * The ids and bindings of a stage process that the service finds its elements by. The API completes the
 * stage's task {@code Task_<CODE>} and decides an exception at {@code Task_<CODE>_ApproveException}; a stage
 * is started at {@code Stage_<CODE>}; the stalled-review list reads the stage from {@code Task_<CODE>_ReviewStalled};
 * the form listeners hand the rep's action to the gateways; a task for managers names
 * {@link OpportunityManagers#EXPRESSION}. A stage process that breaks one would deploy and then fail at run
 * time (or offer a task to the wrong people), so each is a refusal at deployment naming the element, what
 * was found and the pattern expected.
 */
public final class StageConventions {

  /** A stage code: what the ids are built from. Also the element templates' pattern. */
  static final String CODE_PATTERN = "[A-Z][A-Z0-9_]*";
  static final String REQUEST_DELEGATE = "${requestGateException}";
  static final String PREFILL_LISTENER = "${prefillStageForm}";
  static final String APPLY_LISTENER = "${applyStageForm}";
  static final String DECIDE_LISTENER = "${decideGateException}";
  public static final String REVIEW_LISTENER = "${reviewStalled}";

  /** One broken convention, in both languages, at its element. */
  record Problem(Element element, String zh, String en) {
    String text() {
      return zh + " / " + en;
    }
  }

  private final List<Element> all;
  private final List<Problem> problems = new ArrayList<>();

  private StageConventions(Element process) {
    this.all = StageModelParseListener.descendants(process);
  }

  /** Every convention {@code process} breaks; none for a process without stages but the manager group. */
  static List<Problem> check(Element process) {
    StageConventions c = new StageConventions(process);
    c.checkManagerGroup();
    c.all.stream().filter(e -> "subProcess".equals(e.getTagName()) && StageModelParseListener.isStage(e))
        .forEach(c::checkStage);
    c.checkReviews();
    c.checkManagerTasks();
    return c.problems;
  }

  private void checkManagerGroup() {
    for (Element task : userTasks(all)) {
      if (csv(camunda(task, "candidateGroups")).contains(Role.MANAGER.groupId())) {
        refuse(task, "用户任务 '" + id(task) + "' 的候选组为 sales-manager，会提供给所有销售主管；"
                + "请改用候选用户 " + OpportunityManagers.EXPRESSION + "（商机所属组织的主管）",
            "user task '" + id(task) + "' names the candidate group sales-manager, which offers it to every sales manager;"
                + " name the candidate users " + OpportunityManagers.EXPRESSION + " (the managers of the opportunity's org unit) instead");
      }
    }
  }

  private void checkStage(Element stage) {
    String code = Optional.ofNullable(StageModelParseListener.property(stage, StageModel.STAGE_CODE)).map(String::strip).orElse("");
    if (code.isEmpty()) {
      return; // reported as a missing stageCode
    }
    if (!code.matches(CODE_PATTERN)) {
      refuse(stage, "阶段 '" + id(stage) + "' 的 stageCode '" + code + "' 须以大写字母开头，只含大写字母、数字和 _",
          "stage '" + id(stage) + "' has stageCode '" + code + "'; a stage code is upper-case letters, digits and _ ("
              + CODE_PATTERN + ")");
      return;
    }
    expectId(stage, "Stage_" + code, "Stage_<STAGECODE>");
    List<Element> inside = StageModelParseListener.descendants(stage);
    String repTaskId = "Task_" + code;
    Element repTask = userTasks(inside).stream().filter(t -> repTaskId.equals(id(t))).findFirst().orElse(null);
    if (repTask == null) {
      // name the task that was meant, if the stage has one: the rep's task is the one that is not an approval
      List<Element> meant = userTasks(inside).stream().filter(t -> !hasListener(t, "complete", DECIDE_LISTENER)).toList();
      for (Element task : meant) {
        refuse(task, "阶段 '" + id(stage) + "' 中的用户任务 '" + id(task) + "' 的 id 须为 " + repTaskId + "（销售代表的阶段任务，Task_<STAGECODE>）",
            "user task '" + id(task) + "' in stage '" + id(stage) + "' must have the id " + repTaskId
                + " (the rep's stage task, pattern Task_<STAGECODE>)");
      }
      if (meant.isEmpty()) {
        refuse(stage, "阶段 '" + id(stage) + "' 中没有销售代表的阶段任务 " + repTaskId,
            "stage '" + id(stage) + "' has no user task " + repTaskId + " (the rep's stage task, pattern Task_<STAGECODE>)");
      }
    } else {
      expectListener(repTask, "create", PREFILL_LISTENER);
      expectListener(repTask, "complete", APPLY_LISTENER);
    }
    List<Element> gates = serviceTasks(inside, StageModelParseListener.GATE_DELEGATE);
    if (gates.isEmpty()) {
      refuse(stage, "阶段 '" + id(stage) + "' 中没有阶段关卡（" + StageModelParseListener.GATE_DELEGATE + "）",
          "stage '" + id(stage) + "' has no stage gate (a service task " + StageModelParseListener.GATE_DELEGATE + ", Gate_" + code + ")");
    }
    gates.forEach(gate -> expectStageInput(gate, code));
    List<Element> requests = serviceTasks(inside, REQUEST_DELEGATE);
    requests.forEach(request -> expectStageInput(request, code));
    for (Element approval : userTasks(inside)) {
      if (hasListener(approval, "complete", DECIDE_LISTENER)) {
        expectId(approval, "Task_" + code + "_ApproveException", "Task_<STAGECODE>_ApproveException");
      }
    }
    String approvalId = "Task_" + code + "_ApproveException";
    if (!requests.isEmpty() && userTasks(inside).stream().noneMatch(t -> approvalId.equals(id(t)))) {
      refuse(requests.get(0), "阶段 '" + id(stage) + "' 可申请关卡例外，但没有主管审批任务 " + approvalId,
          "stage '" + id(stage) + "' lets the rep ask for a gate exception but has no approval task " + approvalId
              + " (pattern Task_<STAGECODE>_ApproveException)");
    }
  }

  /** A review task belongs to the stage whose dwell-limit timer leads to it, and is named after it. */
  private void checkReviews() {
    for (Element review : userTasks(all)) {
      if (!hasListener(review, "create", REVIEW_LISTENER)) {
        continue;
      }
      String code = stageReviewedBy(review).map(s -> StageModelParseListener.property(s, StageModel.STAGE_CODE))
          .map(String::strip).orElse(null);
      if (code == null) {
        refuse(review, "停滞审查任务 '" + id(review) + "' 须由某阶段的时限定时边界事件直接引出",
            "review task '" + id(review) + "' must follow directly from the dwell-limit timer boundary event of a stage");
      } else {
        expectId(review, "Task_" + code + "_ReviewStalled", "Task_<STAGECODE>_ReviewStalled");
      }
    }
  }

  private void checkManagerTasks() {
    for (Element task : userTasks(all)) {
      boolean forManagers = hasListener(task, "complete", DECIDE_LISTENER) || hasListener(task, "create", REVIEW_LISTENER);
      if (forManagers && !csv(camunda(task, "candidateUsers")).contains(OpportunityManagers.EXPRESSION)) {
        refuse(task, "主管任务 '" + id(task) + "' 须以 " + OpportunityManagers.EXPRESSION + " 为候选用户",
            "manager's task '" + id(task) + "' must name the candidate users " + OpportunityManagers.EXPRESSION
                + " (the managers of the opportunity's org unit)");
      }
    }
  }

  private Optional<Element> stageReviewedBy(Element review) {
    return all.stream()
        .filter(f -> "sequenceFlow".equals(f.getTagName()) && id(review).equals(f.attribute("targetRef")))
        .map(f -> byId(f.attribute("sourceRef")))
        .filter(e -> e != null && "boundaryEvent".equals(e.getTagName()) && e.element("timerEventDefinition") != null)
        .map(timer -> byId(timer.attribute("attachedToRef")))
        .filter(Objects::nonNull)
        .findFirst();
  }

  private void expectId(Element element, String expected, String pattern) {
    if (!expected.equals(id(element))) {
      refuse(element, "元素 '" + id(element) + "' 的 id 须为 " + expected + "（" + pattern + "）",
          "element '" + id(element) + "' must have the id " + expected + " (pattern " + pattern + ")");
    }
  }

  private void expectListener(Element task, String event, String expression) {
    if (!hasListener(task, event, expression)) {
      refuse(task, "阶段任务 '" + id(task) + "' 缺少任务监听器 " + event + " " + expression,
          "stage task '" + id(task) + "' needs the task listener " + event + " " + expression);
    }
  }

  private void expectStageInput(Element serviceTask, String code) {
    String stage = StageModelParseListener.inputParameter(serviceTask, ProcessVariables.GATE_STAGE);
    if (stage != null && !stage.isBlank() && !code.equals(stage.strip())) {
      refuse(serviceTask, "'" + id(serviceTask) + "' 位于阶段 " + code + " 中，其 stage 输入须为 " + code + "，而不是 " + stage.strip(),
          "'" + id(serviceTask) + "' sits in stage " + code + ": its 'stage' input must be " + code + ", not " + stage.strip());
    }
  }

  private void refuse(Element element, String zh, String en) {
    problems.add(new Problem(element, zh, en));
  }

  private Element byId(String id) {
    return id == null ? null : all.stream().filter(e -> id.equals(e.attribute("id"))).findFirst().orElse(null);
  }

  private static List<Element> userTasks(List<Element> elements) {
    return elements.stream().filter(e -> "userTask".equals(e.getTagName())).toList();
  }

  private static List<Element> serviceTasks(List<Element> elements, String delegate) {
    return elements.stream().filter(e -> "serviceTask".equals(e.getTagName()) && delegate.equals(camunda(e, "delegateExpression")))
        .toList();
  }

  private static boolean hasListener(Element task, String event, String expression) {
    Element extensions = task.element("extensionElements");
    return extensions != null && extensions.elements("taskListener").stream()
        .anyMatch(l -> event.equals(l.attribute("event")) && expression.equals(l.attribute("delegateExpression")));
  }

  private static String camunda(Element element, String attribute) {
    return element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, attribute);
  }

  private static List<String> csv(String value) {
    return value == null ? List.of() : Arrays.stream(value.split(",")).map(String::strip).toList();
  }

  private static String id(Element element) {
    return String.valueOf(element.attribute("id"));
  }
}

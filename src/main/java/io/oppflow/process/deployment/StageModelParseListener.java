package io.oppflow.process.deployment;

import io.oppflow.process.ProcessVariables;
import io.oppflow.process.StageModel;
import io.oppflow.gate.RuleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Refuses, at deployment, a stage process that would run without its gates: a stage element without a
 * stage code, order or win probability, or a gate for a stage that has no rules in the active rule
 * set; and one that breaks the ids and bindings the service finds its elements by ({@link StageConventions}).
 * The message names each element and its line; Camunda adds the file. Applies to every new deployment, including those
 * from Camunda Modeler through {@code /engine-rest/deployment/create}; definitions already deployed
 * are never refused when they are parsed again.
 */
public class StageModelParseListener extends AbstractBpmnParseListener {

  public static final String GATE_DELEGATE = "${checkStageGate}";
  static final String STAGE_LISTENER = "${stageEntered}";

  private final Supplier<RuleSet> activeRules;

  StageModelParseListener(Supplier<RuleSet> activeRules) {
    this.activeRules = activeRules;
  }

  @Override
  public void parseProcess(Element process, ProcessDefinitionEntity definition) {
    if (!isNewDeployment(definition)) {
      return;
    }
    List<String> problems = new ArrayList<>();
    Element first = null;
    List<Element> elements = descendants(process);
    for (Element element : elements) {
      String problem = problemOf(element, definition.getKey());
      if (problem == null && "subProcess".equals(element.getTagName()) && isStage(element)) {
        problem = dwellLimitProblem(element, elements);
      }
      if (problem != null) {
        problems.add(problem + " (line " + element.getLine() + ")");
        first = first == null ? element : first;
      }
    }
    for (StageConventions.Problem broken : StageConventions.check(process)) {
      problems.add(broken.text() + " (line " + broken.element().getLine() + ")");
      first = first == null ? broken.element() : first;
    }
    if (!problems.isEmpty()) {
      throw new BpmnParseException("阶段流程 '" + definition.getKey() + "' 被拒绝部署 / Stage process '" + definition.getKey()
          + "' refused: " + String.join("; ", problems), first);
    }
  }

  private String problemOf(Element element, String processKey) {
    String id = element.attribute("id");
    if ("subProcess".equals(element.getTagName()) && isStage(element)) {
      return stageProblem(id, element);
    }
    if ("serviceTask".equals(element.getTagName())
        && GATE_DELEGATE.equals(element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "delegateExpression"))) {
      String stage = inputParameter(element, ProcessVariables.GATE_STAGE);
      if (stage == null || stage.isBlank()) {
        return "关卡 '" + id + "' 缺少指明所守护阶段的 stage 输入 / gate '" + id + "' has no 'stage' input naming the stage it guards";
      }
      RuleSet rules = activeRules.get();
      if (!rules.covers(processKey, stage.strip())) {
        return "关卡 '" + id + "' 守护的阶段 " + stage.strip() + " 在当前规则集 " + rules.version() + " 中没有规则 / gate '"
            + id + "' guards stage '" + stage.strip() + "' of process '" + processKey
            + "', which has no rules in the active rule set " + rules.version();
      }
    }
    return null;
  }

  private static String stageProblem(String id, Element stage) {
    List<String> missing = new ArrayList<>();
    List<String> missingZh = new ArrayList<>();
    String code = property(stage, StageModel.STAGE_CODE);
    if (code == null || code.isBlank()) {
      missing.add("a stageCode");
      missingZh.add("stageCode");
    }
    String order = property(stage, StageModel.STAGE_ORDER);
    if (order == null || !order.strip().matches("\\d+")) {
      missing.add("a whole-number stageOrder");
      missingZh.add("整数 stageOrder");
    }
    String probability = property(stage, StageModel.WIN_PROBABILITY);
    if (probability == null || !isProbability(probability.strip())) {
      missing.add("a winProbability between 0 and 1");
      missingZh.add("0 到 1 之间的 winProbability");
    }
    return missing.isEmpty() ? null : "阶段 '" + id + "' 缺少" + String.join("、", missingZh)
        + " / stage '" + id + "' needs " + String.join(", ", missing);
  }

  /** A stage is a sub-process named Stage_... or one that reports its entry with ${stageEntered}. */
  static boolean isStage(Element subProcess) {
    String id = subProcess.attribute("id");
    if (id != null && id.startsWith("Stage_")) {
      return true;
    }
    Element extensions = subProcess.element("extensionElements");
    if (extensions == null) {
      return false;
    }
    return extensions.elements().stream().anyMatch(e -> "executionListener".equals(e.getTagName())
        && STAGE_LISTENER.equals(e.attribute("delegateExpression")));
  }

  static String property(Element element, String name) {
    Element extensions = element.element("extensionElements");
    if (extensions == null) {
      return null;
    }
    for (Element properties : extensions.elements("properties")) {
      for (Element property : properties.elements("property")) {
        if (name.equals(property.attribute("name"))) {
          return property.attribute("value");
        }
      }
    }
    return null;
  }

  static String inputParameter(Element element, String name) {
    Element extensions = element.element("extensionElements");
    if (extensions == null) {
      return null;
    }
    for (Element io : extensions.elements("inputOutput")) {
      for (Element input : io.elements("inputParameter")) {
        if (name.equals(input.attribute("name"))) {
          return input.getText();
        }
      }
    }
    return null;
  }

  /**
   * A stage's dwell limit is an ISO-8601 duration, and the stage's non-interrupting timer waits exactly that
   * long: the engine reads the timer, reports and the modeler show the property, so they must agree.
   */
  private static String dwellLimitProblem(Element stage, List<Element> elements) {
    String limit = property(stage, StageModel.DWELL_LIMIT);
    if (limit == null) {
      return null;
    }
    String id = stage.attribute("id");
    if (!isDuration(limit.strip())) {
      return "阶段 '" + id + "' 的 dwellLimit '" + limit + "' 不是 ISO-8601 时长（如 P30D）/ stage '" + id + "' has dwellLimit '"
          + limit + "', which is not an ISO-8601 duration such as P30D";
    }
    for (Element e : elements) {
      Element timer = e.element("timerEventDefinition");
      if ("boundaryEvent".equals(e.getTagName()) && id.equals(e.attribute("attachedToRef")) && timer != null) {
        Element duration = timer.element("timeDuration");
        if (duration == null || !limit.strip().equals(duration.getText().strip())) {
          return "阶段 '" + id + "' 上的定时器 '" + e.attribute("id") + "' 须等待阶段时限 " + limit.strip() + " / timer '"
              + e.attribute("id") + "' on stage '" + id + "' must wait the stage's dwellLimit " + limit.strip();
        }
        if (!"false".equals(e.attribute("cancelActivity"))) {
          return "阶段 '" + id + "' 上的定时器 '" + e.attribute("id") + "' 须为非中断 / timer '" + e.attribute("id")
              + "' on stage '" + id + "' must be non-interrupting";
        }
        return null;
      }
    }
    return "阶段 '" + id + "' 设有 dwellLimit，但没有等待它的定时边界事件 / stage '" + id
        + "' has a dwellLimit but no timer boundary event waiting for it";
  }

  private static boolean isDuration(String value) {
    try {
      java.time.Duration.parse(value);
      return true;
    } catch (java.time.format.DateTimeParseException e) {
      try {
        java.time.Period.parse(value);
        return true;
      } catch (java.time.format.DateTimeParseException e2) {
        return false;
      }
    }
  }

  private static boolean isProbability(String value) {
    try {
      double p = Double.parseDouble(value);
      return p >= 0 && p <= 1;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  static List<Element> descendants(Element root) {
    List<Element> all = new ArrayList<>();
    for (Element child : root.elements()) {
      all.add(child);
      all.addAll(descendants(child));
    }
    return all;
  }

  static boolean isNewDeployment(ProcessDefinitionEntity definition) {
    if (Context.getCommandContext() == null || definition.getDeploymentId() == null) {
      return false;
    }
    DeploymentEntity deployment = Context.getCommandContext().getDeploymentManager()
        .findDeploymentById(definition.getDeploymentId());
    return deployment != null && deployment.isNew();
  }
}

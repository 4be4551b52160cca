package io.oppflow.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The shipped classic funnel as a plain Camunda user would model the same stages, derived at run time from
 * {@code processes/classic-funnel.bpmn} so it follows the product's BPMN: the same sub-processes, user tasks,
 * gateways, timers and end events, with everything of the product's taken out.
 *
 * <ul>
 *   <li>every {@code camunda:taskListener}, {@code camunda:executionListener}, {@code camunda:properties} (the stage
 *       code, order, win probability) and {@code camunda:inputOutput} is removed, and so is every form reference;</li>
 *   <li>every service task (gate, exception request, win, loss) becomes a no-op {@code camunda:expression="${true}"};</li>
 *   <li>every condition routes the advance: one that reads {@code gatePassed} as is becomes {@code ${true}}, every
 *       other one (lose, ask for an exception, gate failed) {@code ${false}}; default flows stay;</li>
 *   <li>assignees and candidates that call the product's beans ({@code stageAssignee}, {@code opportunityManagers})
 *       become {@code ${owner}} (a start variable) or are dropped;</li>
 *   <li>the stage sub-processes {@code Stage_X} are renamed {@code Phase_X}: the product attaches its own hooks
 *       (start guard, stage-worker listener, stage history) to any sub-process named {@code Stage_} in any process.</li>
 * </ul>
 */
final class PlainFunnel {

  static final String KEY = "classic-funnel-plain";
  static final String SHIPPED = "processes/classic-funnel.bpmn";
  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  private static final List<String> HOOKS = List.of("taskListener", "executionListener", "properties", "inputOutput");

  private PlainFunnel() {}

  /** The plain process as BPMN XML, ready to deploy. */
  static String derive() {
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of(SHIPPED).toFile());
    Process process = model.getModelElementsByType(Process.class).iterator().next();
    process.setId(KEY);
    process.setName(process.getName() + " (plain Camunda)");
    for (ExtensionElements extensions : List.copyOf(model.getModelElementsByType(ExtensionElements.class))) {
      for (ModelElementInstance hook : new ArrayList<>(extensions.getElements())) {
        if (CAMUNDA.equals(hook.getDomElement().getNamespaceURI()) && HOOKS.contains(hook.getDomElement().getLocalName())) {
          extensions.getDomElement().removeChild(hook.getDomElement());
        }
      }
    }
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      task.removeAttributeNs(CAMUNDA, "delegateExpression");
      task.removeAttributeNs(CAMUNDA, "class");
      task.setCamundaExpression("${true}");
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      ConditionExpression condition = flow.getConditionExpression();
      if (condition != null) {
        String text = condition.getTextContent().replace(" ", "");
        condition.setTextContent(text.equals("${gatePassed}") ? "${true}" : "${false}");
      }
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      dropForm(start);
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      dropForm(task);
      if (callsBean(task.getCamundaAssignee())) {
        task.setCamundaAssignee("${owner}");
      }
      String candidates = task.getCamundaCandidateUsers();
      if (candidates != null) {
        List<String> plain = List.of(candidates.split(",")).stream().map(String::strip).filter(c -> !callsBean(c)).toList();
        task.removeAttributeNs(CAMUNDA, "candidateUsers");
        if (!plain.isEmpty()) {
          task.setCamundaCandidateUsers(String.join(",", plain));
        }
      }
    }
    for (SubProcess stage : List.copyOf(model.getModelElementsByType(SubProcess.class))) {
      if (stage.getId().startsWith("Stage_")) {
        stage.setId("Phase_" + stage.getId().substring("Stage_".length()));
      }
    }
    Bpmn.validateModel(model);
    return Bpmn.convertToString(model);
  }

  /** The shipped process's element id of a plain one ({@code Phase_X} is {@code Stage_X}). */
  static String shippedId(String plainId) {
    return plainId.startsWith("Phase_") ? "Stage_" + plainId.substring("Phase_".length()) : plainId;
  }

  private static void dropForm(BaseElement element) {
    for (String attribute : List.of("formRef", "formRefBinding", "formRefVersion", "formKey")) {
      element.removeAttributeNs(CAMUNDA, attribute);
    }
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions != null) {
      for (ModelElementInstance field : new ArrayList<>(extensions.getElements())) {
        if ("formData".equals(field.getDomElement().getLocalName())) {
          extensions.getDomElement().removeChild(field.getDomElement());
        }
      }
    }
  }

  /** An expression that calls one of the product's beans ({@code ${bean.method(...)}}), not a plain variable. */
  private static boolean callsBean(String expression) {
    return expression != null && expression.contains("(");
  }
}

package io.oppflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.junit.jupiter.api.Test;

/** The throughput benchmark's plain baseline: the shipped classic funnel's shape, without any of the product's hooks. */
class PlainFunnelTests {

  private final String xml = PlainFunnel.derive();
  private final BpmnModelInstance plain = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  private final BpmnModelInstance shipped = Bpmn.readModelFromFile(new File(PlainFunnel.SHIPPED));

  @Test
  void shouldHaveTheShippedFlowNodesAndFlowsUnderItsOwnKey() {
    assertThat(plain.<Process>getModelElementById(PlainFunnel.KEY)).isNotNull();
    assertThat(ids(plain, FlowNode.class).stream().map(PlainFunnel::shippedId).sorted().toList())
        .isEqualTo(ids(shipped, FlowNode.class).stream().sorted().toList());
    assertThat(ids(plain, SequenceFlow.class)).containsExactlyInAnyOrderElementsOf(ids(shipped, SequenceFlow.class));
  }

  @Test
  void shouldKeepNoneOfTheProductsListenersDelegatesFormsOrStageProperties() {
    assertThat(xml).doesNotContain("taskListener", "executionListener", "delegateExpression", "formRef",
        "camunda:property", "inputParameter", "stageAssignee", "opportunityManagers", "gatePassed", "stageAction");
    assertThat(plain.getModelElementsByType(SubProcess.class)).extracting(SubProcess::getId)
        .noneMatch(id -> id.startsWith("Stage_"));
  }

  private static List<String> ids(BpmnModelInstance model, Class<? extends org.camunda.bpm.model.bpmn.instance.BaseElement> type) {
    return model.getModelElementsByType(type).stream().map(e -> e.getId()).toList();
  }
}

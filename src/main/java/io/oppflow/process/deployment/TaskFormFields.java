package io.oppflow.process.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.TaskFormData;

/**
 * The fields a task's form declares: the keys of its Camunda Form ({@code camunda:formRef}) and the
 * ids of generated form fields ({@code camunda:formData}). A task with neither declares none.
 */
public final class TaskFormFields {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FormService forms;

  TaskFormFields(FormService forms) {
    this.forms = forms;
  }

  /**
   * @throws NotFoundException if the task does not exist (any more: a second submit of the same form
   *     races the first, and the engine's own form look-up then fails without a clear error)
   */
  Set<String> of(String taskId) {
    try {
      return fieldsOf(taskId);
    } catch (NullPointerException | NullValueException e) {
      throw new NotFoundException("任务 " + taskId + " 不存在（可能刚被完成）/ Task " + taskId
          + " does not exist (it may just have been completed)");
    }
  }

  private Set<String> fieldsOf(String taskId) {
    TaskFormData data = forms.getTaskFormData(taskId);
    Set<String> fields = new LinkedHashSet<>();
    data.getFormFields().stream().map(FormField::getId).forEach(fields::add);
    if (data.getCamundaFormRef() != null) {
      try (InputStream form = forms.getDeployedTaskForm(taskId)) {
        collectKeys(JSON.readTree(form).path("components"), fields);
      } catch (IOException e) {
        throw new UncheckedIOException("Unreadable form of task " + taskId, e);
      }
    }
    return fields;
  }

  private static void collectKeys(JsonNode components, Set<String> keys) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
      collectKeys(component.path("components"), keys);
    }
  }
}

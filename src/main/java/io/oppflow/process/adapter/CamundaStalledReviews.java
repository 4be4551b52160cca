package io.oppflow.process.adapter;

import io.oppflow.warning.StalledReviews;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The open "review stalled opportunity" tasks ({@code Task_<CODE>_ReviewStalled}), with their
 * opportunity (the business key) and stage.
 */
@Component
public class CamundaStalledReviews implements StalledReviews {

  static final String TASK_SUFFIX = "_ReviewStalled";

  private final TaskService tasks;
  private final RuntimeService runtime;

  CamundaStalledReviews(TaskService tasks, RuntimeService runtime) {
    this.tasks = tasks;
    this.runtime = runtime;
  }

  @Override
  public List<OpenReview> open() {
    List<Task> open = tasks.createTaskQuery().taskDefinitionKeyLike("Task_%" + TASK_SUFFIX).list().stream()
        .filter(t -> t.getTaskDefinitionKey().startsWith("Task_") && t.getTaskDefinitionKey().endsWith(TASK_SUFFIX)).toList();
    if (open.isEmpty()) {
      return List.of();
    }
    Set<String> instanceIds = open.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
    Map<String, String> businessKeys = runtime.createProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
        .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey, (a, b) -> a));
    Function<Task, String> stage = t -> t.getTaskDefinitionKey()
        .substring("Task_".length(), t.getTaskDefinitionKey().length() - TASK_SUFFIX.length());
    return open.stream().filter(t -> businessKeys.get(t.getProcessInstanceId()) != null)
        .map(t -> new OpenReview(businessKeys.get(t.getProcessInstanceId()), stage.apply(t), t.getCreateTime().toInstant(),
            t.getId()))
        .toList();
  }
}

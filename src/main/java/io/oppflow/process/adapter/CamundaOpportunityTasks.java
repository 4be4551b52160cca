package io.oppflow.process.adapter;

import io.oppflow.warning.OpportunityTasks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The open stage tasks of opportunities' process instances (business key = the opportunity's code): by the
 * stage conventions the rep's task of stage CODE is {@code Task_<CODE>}; approvals and reviews
 * ({@code Task_<CODE>_ApproveException}, {@code _ReviewStalled}) are not stage tasks.
 */
@Component
public class CamundaOpportunityTasks implements OpportunityTasks {

  private static final Pattern STAGE_TASK = Pattern.compile("Task_([A-Z][A-Z0-9_]*)");
  /** Codes per query: keeps the SQL IN lists short on every database. */
  private static final int CHUNK = 500;

  private final TaskService tasks;
  private final RuntimeService runtime;

  CamundaOpportunityTasks(TaskService tasks, RuntimeService runtime) {
    this.tasks = tasks;
    this.runtime = runtime;
  }

  @Override
  public List<StageTask> openStageTasks(Collection<String> opportunityCodes) {
    List<String> codes = List.copyOf(Set.copyOf(opportunityCodes));
    List<StageTask> found = new ArrayList<>();
    for (int from = 0; from < codes.size(); from += CHUNK) {
      String[] chunk = codes.subList(from, Math.min(codes.size(), from + CHUNK)).toArray(String[]::new);
      List<Task> open = tasks.createTaskQuery().processInstanceBusinessKeyIn(chunk).taskDefinitionKeyLike("Task_%")
          .orderByTaskCreateTime().asc().list().stream()
          .filter(t -> STAGE_TASK.matcher(t.getTaskDefinitionKey()).matches()).toList();
      if (open.isEmpty()) {
        continue;
      }
      Set<String> instanceIds = open.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
      Map<String, String> codeOf = runtime.createProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
          .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey, (a, b) -> a));
      for (Task t : open) {
        Matcher stage = STAGE_TASK.matcher(t.getTaskDefinitionKey());
        if (codeOf.get(t.getProcessInstanceId()) != null && stage.matches()) {
          found.add(new StageTask(codeOf.get(t.getProcessInstanceId()), stage.group(1), t.getId()));
        }
      }
    }
    return found;
  }
}

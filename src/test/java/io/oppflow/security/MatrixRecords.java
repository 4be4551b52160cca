package io.oppflow.security;

import io.oppflow.support.ApiClient;
import io.oppflow.support.Opportunities;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;

/**
 * The real records a cell's path names, made on first use: an opportunity of rep1 in HQ/East/Shanghai-1
 * waiting at its first stage task, its process instance and task, one whose first gate failed, one with
 * a pending gate exception and its approval task, a throw-away deployment and user. A cell that changes
 * things gets {@link #fresh() its own records}, so cells do not depend on each other's order.
 */
final class MatrixRecords {

  /** What builds the records: the running service and the engine beside it. */
  record Factory(int port, TaskService tasks, RepositoryService repository, IdentityService identity, FilterService filters) {}

  private static final String DRAFT_BPMN = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
      + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" "
      + "targetNamespace=\"t\"><process id=\"matrix-draft\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
      + "<startEvent id=\"s\"/></process></definitions>";

  private static final AtomicInteger PERIODS = new AtomicInteger();

  private final Factory factory;
  private final Map<String, String> values = new HashMap<>();

  MatrixRecords(Factory factory) {
    this.factory = factory;
  }

  MatrixRecords fresh() {
    return new MatrixRecords(factory);
  }

  /** The value of a placeholder such as {@code code} or {@code taskId}; made on first use. */
  synchronized String value(String name) {
    String known = values.get(name);
    if (known != null) {
      return known;
    }
    switch (name) {
      case "code", "processInstanceId", "taskId" -> openOpportunity();
      case "failedCode" -> values.put(name, failedOpportunity());
      case "pendingCode", "pendingProcessInstanceId", "exceptionId", "approvalTaskId" -> openPendingException();
      case "deploymentId" -> values.put(name, factory.repository().createDeployment().name("matrix-draft")
          .addString("matrix-draft.bpmn", DRAFT_BPMN).deploy().getId());
      case "userId" -> values.put(name, user());
      case "myTasksFilterId" -> values.put(name, filter(CamundaAccessSetup.FILTER_MY_TASKS));
      case "claimableFilterId" -> values.put(name, filter(CamundaAccessSetup.FILTER_CLAIMABLE));
      case "myRequestsFilterId" -> values.put(name, filter(CamundaAccessSetup.FILTER_MY_EXCEPTION_REQUESTS));
      case "fresh" -> values.put(name, "matrix-" + UUID.randomUUID().toString().substring(0, 8));
      // a quarter no one plans: concurrent cells must not plan the same one
      case "period" -> {
        int n = PERIODS.getAndIncrement();
        values.put(name, (2100 + n / 4) + "-Q" + (1 + n % 4));
      }
      default -> throw new IllegalArgumentException("No record named " + name);
    }
    return values.get(name);
  }

  /** The ids a list must not show to someone who may not see the fixture's opportunity. */
  List<String> secrets(List<String> names) {
    return names.stream().map(this::value).toList();
  }

  /** Replaces {@code {name}} in a path or body by the record's value, {@code {me}} by the caller's user id. */
  String fill(String template, String me) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      int close = open < 0 ? -1 : template.indexOf('}', open);
      String name = close < 0 ? null : template.substring(open + 1, close);
      if (name == null || !name.matches("[a-zA-Z]+")) {
        out.append(template, i, open < 0 ? template.length() : open + 1);
        i = open < 0 ? template.length() : open + 1;
        continue;
      }
      out.append(template, i, open).append(name.equals("me") ? me : value(name));
      i = close + 1;
    }
    return out.toString();
  }

  private String failedOpportunity() {
    String code = openAsRep1("AMF");
    require(ApiClient.as(factory.port(), "rep1").post("/api/opportunities/" + code + "/advance", null),
        r -> r.json().path("verdict").asText().equals("FAILED"));
    return code;
  }

  private void openOpportunity() {
    String code = openAsRep1("AM");
    Task task = factory.tasks().createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("Task_TARGET").singleResult();
    values.put("code", code);
    values.put("processInstanceId", task.getProcessInstanceId());
    values.put("taskId", task.getId());
  }

  private void openPendingException() {
    String code = failedOpportunity();
    ApiClient rep1 = ApiClient.as(factory.port(), "rep1");
    ApiClient.Response requested = rep1.post("/api/opportunities/" + code + "/exceptions", "{\"reason\": \"matrix\"}");
    require(requested, r -> r.status() == 201);
    Task approval = factory.tasks().createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey("Task_TARGET_ApproveException").singleResult();
    values.put("pendingCode", code);
    values.put("pendingProcessInstanceId", approval.getProcessInstanceId());
    values.put("exceptionId", requested.json().path("id").asText());
    values.put("approvalTaskId", approval.getId());
  }

  private String openAsRep1(String prefix) {
    String code = Opportunities.freshCode(prefix);
    require(ApiClient.as(factory.port(), "rep1").post("/api/opportunities", Opportunities.minimal(code).toString()),
        r -> r.status() == 201);
    return code;
  }

  private String filter(String name) {
    return factory.filters().createFilterQuery().filterName(name).singleResult().getId();
  }

  private String user() {
    String id = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
    User user = factory.identity().newUser(id);
    user.setPassword("matrix-" + UUID.randomUUID());
    factory.identity().saveUser(user);
    return id;
  }

  private static void require(ApiClient.Response r, Function<ApiClient.Response, Boolean> ok) {
    if (!ok.apply(r)) {
      throw new IllegalStateException("Could not make the matrix's records: " + r);
    }
  }
}

package io.oppflow.security;

import static io.oppflow.security.PolicyRow.basic;

import java.util.ArrayList;
import java.util.List;

/**
 * Camunda's REST API ({@code /engine-rest}, HTTP Basic) as each identity must see it: what Camunda's
 * authorizations ({@code CamundaAccessSetup}) and the engine plugins allow. The fixture task is rep1's
 * first stage task; the approval task is offered to manager1 by name.
 */
final class EnginePolicy {

  static final String SIGNED_IN = ApiPolicy.SIGNED_IN;
  /** Only rep1 (assignee) and admins may see or work on rep1's stage task. */
  static final String REP1_TASK = "rep1=2xx rep2=403/404 expert1=403/404 manager1=403/404 manager2=403/404 ops1=403/404 admin=2xx";
  /** Only manager1 (offered by name) and admins may take the approval. */
  static final String APPROVAL_TASK = "rep1=403/404 rep2=403/404 expert1=403/404 manager1=2xx manager2=403/404 ops1=403/404 admin=2xx";
  /** rep1 asked for the exception: they own the approval task and may read it (follow it), not take or decide it. */
  static final String APPROVAL_TASK_READ = APPROVAL_TASK.replace("rep1=403/404", "rep1=2xx");
  /** No sales group writes variables or changes instances outside a task's completion. */
  static final String NO_SALES_WRITE = "rep1=4xx rep2=4xx expert1=4xx manager1=4xx manager2=4xx ops1=4xx admin=2xx";
  static final String ADMIN_ONLY = "rep1=403 rep2=403 expert1=403 manager1=403 manager2=403 ops1=403 admin=2xx";
  /** Instances and their history: sales-ops (Cockpit) and admins; everyone else gets an empty list. */
  static final String INSTANCE_LIST = "rep1=2xx-filtered rep2=2xx-filtered expert1=2xx-filtered manager1=2xx-filtered "
      + "manager2=2xx-filtered ops1=2xx admin=2xx";
  static final String REP1_TASK_LIST = "rep1=2xx rep2=2xx-filtered expert1=2xx-filtered manager1=2xx-filtered "
      + "manager2=2xx-filtered ops1=2xx-filtered admin=2xx";
  static final String STAGE_FORM = "{\"variables\": {\"stageAction\": {\"value\": \"ADVANCE\"}}}";

  private EnginePolicy() {}

  static List<PolicyRow> rows() {
    return rows("basic", "/engine-rest");
  }

  /** The engine's resources at {@code prefix}: {@code /engine-rest} (Basic) or the webapps' own engine API (session). */
  static List<PolicyRow> rows(String door, String prefix) {
    String task = prefix + "/task/{taskId}";
    String instance = prefix + "/process-instance/{processInstanceId}";
    List<PolicyRow> rows = new ArrayList<>(List.of(
        row(door, "GET", prefix + "/process-definition?key=project-sales-funnel").expect(SIGNED_IN),
        // a process started beside the API has no opportunity behind it
        row(door, "POST", prefix + "/process-definition/key/project-sales-funnel/start")
            .json("{\"businessKey\": \"{fresh}\", \"variables\": {\"owner\": {\"value\": \"{me}\"}, \"orgUnit\": {\"value\": \"HQ/East\"}}}")
            .expect("rep1=4xx rep2=4xx expert1=4xx manager1=4xx manager2=4xx ops1=4xx admin=4xx"),
        row(door, "GET", prefix + "/task?processInstanceId={processInstanceId}").hides("taskId").expect(REP1_TASK_LIST),
        row(door, "GET", task).expect(REP1_TASK),
        row(door, "GET", task + "/variables").expect(REP1_TASK),
        row(door, "POST", task + "/complete").json(STAGE_FORM).expect(REP1_TASK),
        row(door, "POST", task + "/submit-form").json(STAGE_FORM).expect(REP1_TASK),
        // completing a stage task may set its form's fields, not the gate's result nor who owns the opportunity
        row(door, "POST", task + "/complete").note("with variables not on its form")
            .json("{\"variables\": {\"stageAction\": {\"value\": \"ADVANCE\"}, \"gatePassed\": {\"value\": true}, "
                + "\"owner\": {\"value\": \"rep2\"}}}")
            .expect(NO_SALES_WRITE),
        row(door, "PUT", task + "/variables/gatePassed").json("{\"value\": true, \"type\": \"Boolean\"}").expect(NO_SALES_WRITE),
        row(door, "PUT", task + "/localVariables/owner").json("{\"value\": \"rep2\"}").expect(NO_SALES_WRITE),
        row(door, "POST", task + "/variables").json("{\"modifications\": {\"owner\": {\"value\": \"rep2\"}}}").expect(NO_SALES_WRITE),
        row(door, "DELETE", task + "/variables/owner").expect(NO_SALES_WRITE),
        // handing one's stage task to another rep would let them change an opportunity that is not theirs
        row(door, "POST", task + "/assignee").json("{\"userId\": \"rep2\"}").expect(NO_SALES_WRITE),
        row(door, "POST", task + "/delegate").json("{\"userId\": \"rep2\"}").expect(NO_SALES_WRITE),
        row(door, "GET", prefix + "/task/{approvalTaskId}").expect(APPROVAL_TASK_READ),
        row(door, "POST", prefix + "/task/{approvalTaskId}/claim").json("{\"userId\": \"{me}\"}").expect(APPROVAL_TASK),
        // deciding a gate exception is a manager's, of the opportunity's unit, on every door (the API refuses admins too)
        row(door, "POST", prefix + "/task/{approvalTaskId}/complete")
            .json("{\"variables\": {\"exceptionDecision\": {\"value\": \"APPROVE\"}, \"exceptionDecisionReason\": {\"value\": \"matrix\"}}}")
            .expect(APPROVAL_TASK.replace("admin=2xx", "admin=403")),
        row(door, "GET", prefix + "/process-instance?processInstanceIds={processInstanceId}").expect(INSTANCE_LIST),
        row(door, "GET", instance + "/variables")
            .expect("rep1=403/404 rep2=403/404 expert1=403/404 manager1=403/404 manager2=403/404 ops1=2xx admin=2xx"),
        row(door, "PUT", instance + "/variables/owner").json("{\"value\": \"rep2\"}").expect(NO_SALES_WRITE),
        row(door, "POST", instance + "/variables").json("{\"modifications\": {\"gatePassed\": {\"value\": true}}}").expect(NO_SALES_WRITE),
        row(door, "POST", instance + "/modification")
            .json("{\"instructions\": [{\"type\": \"cancel\", \"activityId\": \"Task_TARGET\"}]}").expect(NO_SALES_WRITE),
        row(door, "PUT", instance + "/suspended").json("{\"suspended\": true}").expect(NO_SALES_WRITE),
        row(door, "DELETE", instance).expect(NO_SALES_WRITE),
        row(door, "GET", prefix + "/history/process-instance?processInstanceId={processInstanceId}").expect(INSTANCE_LIST),
        row(door, "GET", prefix + "/history/activity-instance?processInstanceId={processInstanceId}").expect(INSTANCE_LIST),
        row(door, "GET", prefix + "/history/variable-instance?processInstanceId={processInstanceId}").expect(INSTANCE_LIST),
        row(door, "GET", prefix + "/history/detail?processInstanceId={processInstanceId}").expect(INSTANCE_LIST),
        row(door, "GET", prefix + "/history/task?processInstanceId={processInstanceId}").expect(INSTANCE_LIST),
        row(door, "GET", prefix + "/history/user-operation?processInstanceId={processInstanceId}").expect(INSTANCE_LIST),
        row(door, "POST", prefix + "/user/create")
            .json("{\"profile\": {\"id\": \"{fresh}\"}, \"credentials\": {\"password\": \"matrix-Passw0rd-2026\"}}").expect(ADMIN_ONLY),
        row(door, "GET", prefix + "/user").expect(SIGNED_IN),
        row(door, "POST", prefix + "/group/create").json("{\"id\": \"{fresh}\", \"name\": \"x\", \"type\": \"WORKFLOW\"}").expect(ADMIN_ONLY),
        row(door, "PUT", prefix + "/group/camunda-admin/members/{userId}").expect(ADMIN_ONLY),
        row(door, "GET", prefix + "/group").expect(SIGNED_IN),
        row(door, "POST", prefix + "/authorization/create")
            .json("{\"type\": 1, \"permissions\": [\"ALL\"], \"userId\": \"{me}\", \"resourceType\": 0, \"resourceId\": \"{fresh}\"}")
            .expect(ADMIN_ONLY),
        row(door, "GET", prefix + "/authorization").expect(SIGNED_IN),
        row(door, "GET", prefix + "/filter").expect(SIGNED_IN),
        // the Tasklist filters: each shows only what its user may see
        row(door, "GET", prefix + "/filter/{myTasksFilterId}/list?maxResults=1000").hides("taskId").expect(REP1_TASK_LIST),
        row(door, "GET", prefix + "/filter/{claimableFilterId}/list?maxResults=1000").hides("approvalTaskId")
            .expect("rep1=2xx-filtered rep2=2xx-filtered expert1=2xx-filtered manager1=2xx manager2=2xx-filtered "
                + "ops1=2xx-filtered admin=2xx"),
        // "My exception requests": the requester's own requests only, not the approvals a manager may decide
        row(door, "GET", prefix + "/filter/{myRequestsFilterId}/list?maxResults=1000").hides("approvalTaskId")
            .expect("rep1=2xx rep2=2xx-filtered expert1=2xx-filtered manager1=2xx-filtered manager2=2xx-filtered "
                + "ops1=2xx-filtered admin=2xx-filtered")));
    if (door.equals("basic")) {
      rows.addAll(List.of(
          basic("GET", prefix + "/engine").expect(SIGNED_IN),
          basic("POST", prefix + "/deployment/create")
              .body("multipart/form-data; boundary=matrix", "--matrix\r\nContent-Disposition: form-data; name=\"data\"; "
                  + "filename=\"matrix-draft.bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                  + "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
                  + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"t\"><process id=\"matrix-draft\" "
                  + "isExecutable=\"true\" camunda:historyTimeToLive=\"1\"><startEvent id=\"s\"/></process></definitions>"
                  + "\r\n--matrix--\r\n")
              .expect("rep1=403 rep2=403 expert1=403 manager1=403 manager2=403 ops1=2xx admin=2xx"),
          basic("DELETE", prefix + "/deployment/{deploymentId}").expect(ADMIN_ONLY),
          basic("GET", prefix + "/deployment").expect(SIGNED_IN),
          basic("GET", prefix + "/job?processInstanceId={processInstanceId}").expect(INSTANCE_LIST),
          basic("GET", prefix + "/incident?processInstanceId={processInstanceId}").expect(SIGNED_IN),
          basic("POST", prefix + "/external-task/fetchAndLock")
              .json("{\"workerId\": \"matrix\", \"maxTasks\": 1, \"topics\": [{\"topicName\": \"matrix\", \"lockDuration\": 1000}]}")
              .sharedRecords().expect(SIGNED_IN),
          // no password oracle: verifying another user's password needs READ on that user
          basic("POST", prefix + "/identity/verify").json("{\"username\": \"rep1\", \"password\": \"demo\"}").sharedRecords()
              .expect("rep1=2xx rep2=403 expert1=403 manager1=403 manager2=403 ops1=403 admin=2xx"),
          basic("GET", prefix + "/identity/groups?userId=admin").expect(SIGNED_IN)));
    }
    return rows;
  }

  private static PolicyRow.Builder row(String door, String method, String path) {
    return door.equals("basic") ? PolicyRow.basic(method, path) : PolicyRow.webapp(method, path);
  }
}

package io.oppflow.opportunity;

import io.oppflow.support.IdealFunnels;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oppflow.organization.OrgUnitDirectory;
import io.oppflow.support.ApiClient;
import io.oppflow.support.Opportunities;
import io.oppflow.support.ShippedRules;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reassigning opportunities when a rep leaves or a territory changes, on every database we support: who may, what
 * moves (the opportunity, its open tasks and their permissions), what is recorded, and how the funnel counts the
 * owners afterwards. Each test has its own team {@code HQ/East/Re-…} with two fresh reps, A (leaving) and B (taking
 * over); manager1 manages HQ/East, so that team, but not HQ/North.
 */
@ExtendWith(ShippedRules.class)
abstract class ReassignmentContract {

  static final String PROCESS = "project-sales-funnel";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired OrgUnitDirectory directory;
  @Autowired JdbcTemplate jdbc;

  String team;
  String repA;
  String repB;

  @BeforeEach
  void team() {
    String id = UUID.randomUUID().toString().substring(0, 6);
    team = "HQ/East/Re-" + id;
    repA = user("ra-" + id, "sales-rep", team);
    repB = user("rb-" + id, "sales-rep", team);
  }

  @Test
  void shouldMoveTheThreeOpenDealsOfALeavingRepInBulkWithTheirTasks() {
    List<String> open = List.of(open(repA, "BULK"), open(repA, "BULK"), open(repA, "BULK"));
    String lost = open(repA, "BULK");
    assertThat(as(repA).post("/api/opportunities/" + lost + "/lose", "{\"reason\": \"CUSTOMER_STOPPED\"}").status()).isEqualTo(200);

    ApiClient.Response moved = as("manager1").post("/api/opportunities/reassign",
        "{\"fromOwner\": \"" + repA + "\", \"toOwner\": \"" + repB + "\", \"reason\": \"A left the company\"}");

    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    assertThat(moved.json().path("count").asInt()).isEqualTo(3);
    assertThat(texts(moved.json().path("opportunities"))).containsExactlyElementsOf(open.stream().sorted().toList());
    assertThat(moved.json().path("reassignments").findValuesAsText("batchId")).hasSize(3).containsOnly(
        moved.json().path("batchId").asText());
    for (String code : open) {
      JsonNode o = as("ops1").get("/api/opportunities/" + code).json();
      assertThat(o.path("owner").asText()).isEqualTo(repB);
      assertThat(o.path("orgUnit").asText()).isEqualTo(team);
      Task task = tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult();
      assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_TARGET");
      assertThat(task.getAssignee()).isEqualTo(repB);
      // the old rep no longer finds nor works the task through the engine's API; the new one does
      assertThat(as(repA).get("/engine-rest/task?processInstanceBusinessKey=" + code).json()).isEmpty();
      assertThat(as(repA).post("/engine-rest/task/" + task.getId() + "/complete", "{}").status()).isEqualTo(403);
      assertThat(as(repB).get("/engine-rest/task?processInstanceBusinessKey=" + code).json().findValuesAsText("id"))
          .containsExactly(task.getId());
      assertThat(as(repB).get("/engine-rest/task/" + task.getId() + "/form").status()).isEqualTo(200);
    }
    // B works them through our API now, A no longer may
    assertThat(as(repB).post("/api/opportunities/" + open.get(0) + "/advance", null).json().path("stage").asText())
        .isEqualTo("DISCOVER");
    assertThat(as(repA).post("/api/opportunities/" + open.get(1) + "/advance", null).status()).isEqualTo(403);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(open.get(0)).singleResult().getAssignee()).isEqualTo(repB);
    JsonNode closed = as("ops1").get("/api/opportunities/" + lost).json();
    assertThat(closed.path("owner").asText()).isEqualTo(repA);
  }

  @Test
  void shouldRecordEveryReassignmentAndShowItInTheOpportunitysHistory() {
    String code = open(repA, "HIST");

    ApiClient.Response r = as("ops1").post("/api/opportunities/" + code + "/reassign",
        "{\"owner\": \"" + repB + "\", \"reason\": \"territory split\"}");

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode history = as("manager1").get("/api/opportunities/" + code + "/reassignments").json();
    assertThat(history).hasSize(1);
    JsonNode entry = history.get(0);
    assertThat(entry.path("fromOwner").asText()).isEqualTo(repA);
    assertThat(entry.path("fromOrgUnit").asText()).isEqualTo(team);
    assertThat(entry.path("toOwner").asText()).isEqualTo(repB);
    assertThat(entry.path("toOrgUnit").asText()).isEqualTo(team);
    assertThat(entry.path("reason").asText()).isEqualTo("territory split");
    assertThat(entry.path("reassignedBy").asText()).isEqualTo("ops1");
    assertThat(entry.path("reassignedAt").asText()).isNotBlank();
    assertThat(entry.has("batchId")).isFalse();
    // the stage timeline: TARGET was entered under A and handed to B while in it
    JsonNode stages = as(repB).get("/api/opportunities/" + code + "/stages").json();
    assertThat(stages).hasSize(1);
    assertThat(stages.get(0).path("owner").asText()).isEqualTo(repA);
    assertThat(stages.get(0).path("reassignments").findValuesAsText("toOwner")).containsExactly(repB);
    String csv = as(repB).get("/api/opportunities/" + code + "/reassignments?format=csv").body();
    assertThat(csv).contains("territory split").contains(repA).contains(repB);
    // the new owner reads it, the old one no longer does
    assertThat(as(repA).get("/api/opportunities/" + code + "/reassignments").status()).isEqualTo(403);
  }

  @Test
  void shouldTellWhoMayReassignAnOpenOpportunityAsTheReassignmentDecides() {
    String code = open(repA, "MAY");
    String lost = open(repA, "MAY");
    assertThat(as(repA).post("/api/opportunities/" + lost + "/lose", "{\"reason\": \"CUSTOMER_STOPPED\"}").status()).isEqualTo(200);

    assertThat(mayReassign(repA, code)).as("its owner, a rep").isFalse();
    assertThat(mayReassign("expert1", code)).as("an expert, who reads every opportunity").isFalse();
    assertThat(mayReassign("manager1", code)).as("a manager of HQ/East").isTrue();
    assertThat(mayReassign("ops1", code)).isTrue();
    assertThat(mayReassign("ops1", lost)).as("a lost opportunity keeps its owner").isFalse();
    assertThat(mayReassign("manager1", lost)).isFalse();
    // rep2 (HQ/North) may not even read it; an unknown code is not found
    assertThat(as("rep2").get("/api/opportunities/" + code + "/reassign").status()).isEqualTo(403);
    assertThat(as("ops1").get("/api/opportunities/NO-SUCH-OPP-9/reassign").status()).isEqualTo(404);
    // as the reassignment itself decides: the rep is refused, the manager moves it
    assertThat(as(repA).post("/api/opportunities/" + code + "/reassign",
        "{\"owner\": \"" + repB + "\", \"reason\": \"holiday\"}").status()).isEqualTo(403);
    assertThat(as("manager1").post("/api/opportunities/" + code + "/reassign",
        "{\"owner\": \"" + repB + "\", \"reason\": \"holiday\"}").status()).isEqualTo(200);
    assertThat(mayReassign(repB, code)).as("the new owner, a rep").isFalse();
  }

  /**
   * Whom each role is offered for an opportunity of A in {@code team} (under HQ/East): manager1 the users placed in
   * HQ/East or below it (rep1's Shanghai-1, this team's B, manager1 themselves) and any placed above the team (the
   * opportunity then stays in it), never A (its owner) nor rep2 (HQ/North); sales-ops every placed user; rep1
   * nothing. Each one offered is accepted by POST …/reassign with no unit, into its {@code defaultOrgUnit}.
   */
  @Test
  void shouldOfferTheUsersEachRoleMayHandTheOpportunityToAndAcceptEachOfThem() {
    String code = open(repA, "CAND");

    JsonNode manager = candidatesOf("manager1", code);
    assertThat(manager.findValuesAsText("userId")).contains(repB, "manager1", "rep1").doesNotContain(repA, "rep2",
        "ops1", "expert1");
    assertCandidate(manager, repB, "Test " + repB, team, team);
    assertCandidate(manager, "manager1", "Wang Fang 王芳", "HQ/East", team);
    assertCandidate(manager, "rep1", "Li Wei 李伟", "HQ/East/Shanghai-1", "HQ/East/Shanghai-1");
    for (JsonNode c : manager) {
      String unit = c.path("orgUnit").asText();
      assertThat(unit.equals("HQ/East") || unit.startsWith("HQ/East/") || (team + "/").startsWith(unit + "/"))
          .as(c + " is placed where manager1 may hand it").isTrue();
    }
    assertSortedByUnitThenName(manager);

    JsonNode ops = candidatesOf("ops1", code);
    List<String> placed = identity.createUserQuery().list().stream().map(User::getId)
        .filter(id -> directory.orgUnitOf(id).isPresent() && !id.equals(repA)).sorted().toList();
    assertThat(ops.findValuesAsText("userId").stream().sorted().toList()).isEqualTo(placed).contains("rep2", repB);
    assertCandidate(ops, "rep2", "Zhang Min 张敏", "HQ/North/Beijing-1", "HQ/North/Beijing-1");
    assertSortedByUnitThenName(ops);

    ApiClient.Response rep = as("rep1").get("/api/opportunities/" + openIn("rep1", "HQ/East/Shanghai-1") + "/reassign");
    assertThat(rep.json().path("allowed").asBoolean()).as(rep.toString()).isFalse();
    assertThat(rep.json().path("candidates")).isEmpty();

    // each one offered is accepted, each on an opportunity of its own; rep2, not offered to manager1, is refused
    for (JsonNode c : manager) {
      assertAccepted("manager1", open(repA, "CAND"), c);
    }
    assertThat(as("manager1").post("/api/opportunities/" + code + "/reassign",
        "{\"owner\": \"rep2\", \"reason\": \"offered?\"}").status()).isEqualTo(403);
    assertAccepted("ops1", code, candidate(ops, "rep2"));
  }

  /**
   * A unit of its own (no other test places anyone in it), worked by hand: D owns an opportunity in R/East/One;
   * placed are T at R (above it), M (manager) at R/East, Y in R/East/One, Z in R/East/Two, W in R/West, and a
   * "ghost" in R/East/Two whom the identity service does not know. M is offered T, M, Y, Z in unit order (T's and
   * M's unit cover One, so it stays there); W is in a unit M does not manage; the ghost is no user; D is the owner.
   * Sales-ops are offered W as well.
   */
  @Test
  void shouldOfferAManagerExactlyTheUsersTheReassignmentAccepts() {
    String id = team.substring(team.length() - 6);
    String root = "R-" + id;
    String one = root + "/East/One";
    String d = user("d-" + id, "sales-rep", one);
    String t = user("t-" + id, "sales-manager", root);
    String m = user("m-" + id, "sales-manager", root + "/East");
    String y = user("y-" + id, "sales-rep", one);
    String z = user("z-" + id, "sales-rep", root + "/East/Two");
    String w = user("w-" + id, "sales-rep", root + "/West");
    directory.assign("ghost-" + id, root + "/East/Two");
    String code = openIn(d, one);

    JsonNode offered = candidatesOf(m, code);

    assertThat(offered.findValuesAsText("userId")).containsExactly(t, m, y, z);
    assertCandidate(offered, t, "Test " + t, root, one);
    assertCandidate(offered, m, "Test " + m, root + "/East", one);
    assertCandidate(offered, y, "Test " + y, one, one);
    assertCandidate(offered, z, "Test " + z, root + "/East/Two", root + "/East/Two");
    List<String> toOps = new ArrayList<>();
    candidatesOf("ops1", code).forEach(c -> {
      if ((c.path("orgUnit").asText() + "/").startsWith(root + "/")) {
        toOps.add(c.path("userId").asText());
      }
    });
    assertThat(toOps).containsExactly(t, m, y, z, w);
    for (JsonNode c : offered) {
      assertAccepted(m, openIn(d, one), c);
    }
    assertThat(as(m).post("/api/opportunities/" + code + "/reassign", "{\"owner\": \"" + w
        + "\", \"reason\": \"not offered\"}").status()).isEqualTo(403);
    assertField(as(m).post("/api/opportunities/" + code + "/reassign", "{\"owner\": \"ghost-" + id
        + "\", \"reason\": \"not offered\"}"), "owner");
  }

  /**
   * The bound: a manager over 202 placed users (themselves at the top of R, 201 reps in R/T besides the owner) is
   * offered the first 200 by unit and user id (themselves, reps 000–198) and told there are more; rep 200, not
   * offered, is accepted all the same when named. Its placements are removed afterwards, so sales-ops elsewhere are
   * offered everyone placed still.
   */
  @Test
  void shouldOfferAtMostTwoHundredAndSayThereAreMore() {
    String id = team.substring(team.length() - 6);
    String root = "Big-" + id;
    List<String> created = new ArrayList<>();
    try {
      String d = user("bd-" + id, "sales-rep", root + "/T");
      String m = user("bm-" + id, "sales-manager", root);
      created.addAll(List.of(d, m));
      for (int i = 0; i <= 200; i++) {
        created.add(user(String.format("bg-%s-%03d", id, i), "sales-rep", root + "/T"));
      }
      String code = openIn(d, root + "/T");

      ApiClient.Response r = as(m).get("/api/opportunities/" + code + "/reassign");

      assertThat(r.json().path("candidatesTruncated").asBoolean()).as(r.toString()).isTrue();
      List<String> expected = new ArrayList<>(List.of(m));
      for (int i = 0; i <= 198; i++) {
        expected.add(String.format("bg-%s-%03d", id, i));
      }
      assertThat(r.json().path("candidates").findValuesAsText("userId")).isEqualTo(expected);
      ApiClient.Response named = as(m).post("/api/opportunities/" + code + "/reassign",
          "{\"owner\": \"" + String.format("bg-%s-200", id) + "\", \"reason\": \"not listed, named\"}");
      assertThat(named.status()).as(named.toString()).isEqualTo(200);
    } finally {
      jdbc.update("delete from sales_member where org_unit = ? or org_unit like ?", root, root + "/%");
      created.forEach(identity::deleteUser);
    }
  }

  JsonNode candidatesOf(String user, String code) {
    ApiClient.Response r = as(user).get("/api/opportunities/" + code + "/reassign");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().path("allowed").asBoolean()).as(r.toString()).isTrue();
    assertThat(r.json().path("candidatesTruncated").asBoolean()).as(r.toString()).isFalse();
    return r.json().path("candidates");
  }

  static JsonNode candidate(JsonNode candidates, String userId) {
    for (JsonNode c : candidates) {
      if (c.path("userId").asText().equals(userId)) {
        return c;
      }
    }
    throw new AssertionError("no candidate " + userId + " in " + candidates);
  }

  static void assertCandidate(JsonNode candidates, String userId, String name, String orgUnit, String defaultOrgUnit) {
    JsonNode c = candidate(candidates, userId);
    assertThat(c.path("name").asText()).isEqualTo(name);
    assertThat(c.path("orgUnit").asText()).isEqualTo(orgUnit);
    assertThat(c.path("defaultOrgUnit").asText()).isEqualTo(defaultOrgUnit);
  }

  static void assertSortedByUnitThenName(JsonNode candidates) {
    List<String> keys = new ArrayList<>();
    candidates.forEach(c -> keys.add(c.path("orgUnit").asText() + "\u0000" + c.path("name").asText().toLowerCase()));
    assertThat(keys).isSorted();
  }

  /** The actor reassigns the opportunity to the candidate with no unit: it lands in the candidate's defaultOrgUnit. */
  void assertAccepted(String actor, String code, JsonNode candidate) {
    ApiClient.Response r = as(actor).post("/api/opportunities/" + code + "/reassign", "{\"owner\": \""
        + candidate.path("userId").asText() + "\", \"reason\": \"offered\"}");
    assertThat(r.status()).as(candidate + " " + r).isEqualTo(200);
    assertThat(r.json().path("toOwner").asText()).isEqualTo(candidate.path("userId").asText());
    assertThat(r.json().path("toOrgUnit").asText()).isEqualTo(candidate.path("defaultOrgUnit").asText());
  }

  boolean mayReassign(String user, String code) {
    ApiClient.Response r = as(user).get("/api/opportunities/" + code + "/reassign");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().path("opportunityCode").asText()).isEqualTo(code);
    return r.json().path("allowed").asBoolean();
  }

  @Test
  void shouldRefuseAManagerOfOnlyOneOfTheUnitsAndReps() {
    String code = open(repA, "REF");
    String body = "{\"owner\": \"rep2\", \"reason\": \"to Beijing\"}"; // rep2 works in HQ/North/Beijing-1

    ApiClient.Response single = as("manager1").post("/api/opportunities/" + code + "/reassign", body);
    ApiClient.Response bulk = as("manager1").post("/api/opportunities/reassign",
        "{\"fromOwner\": \"" + repA + "\", \"toOwner\": \"rep2\", \"reason\": \"to Beijing\"}");

    assertThat(single.status()).as(single.toString()).isEqualTo(403);
    assertThat(single.contentType()).contains("application/problem+json");
    assertThat(single.json().path("detail").asText()).contains("HQ/North/Beijing-1");
    assertThat(bulk.status()).as(bulk.toString()).isEqualTo(403);
    assertThat(as(repA).post("/api/opportunities/" + code + "/reassign",
        "{\"owner\": \"" + repB + "\", \"reason\": \"holiday\"}").status()).isEqualTo(403);
    assertThat(as("expert1").post("/api/opportunities/" + code + "/reassign",
        "{\"owner\": \"" + repB + "\", \"reason\": \"holiday\"}").status()).isEqualTo(403);
    assertThat(as("ops1").get("/api/opportunities/" + code).json().path("owner").asText()).isEqualTo(repA);
    assertThat(as("ops1").get("/api/opportunities/" + code + "/reassignments").json()).isEmpty();
    // sales-ops may move it across branches
    assertThat(as("ops1").post("/api/opportunities/" + code + "/reassign", body).json().path("toOrgUnit").asText())
        .isEqualTo("HQ/North/Beijing-1");
  }

  @Test
  void shouldNameTheFieldOfABadReassignmentAndRefuseAClosedOpportunity() {
    String code = open(repA, "BAD");
    String path = "/api/opportunities/" + code + "/reassign";

    assertField(as("manager1").post(path, "{\"owner\": \"" + repB + "\"}"), "reason");
    assertField(as("manager1").post(path, "{\"owner\": \"nobody-" + repB + "\", \"reason\": \"x\"}"), "owner");
    assertField(as("manager1").post(path, "{\"reason\": \"x\"}"), "owner");
    assertField(as("manager1").post(path, "{\"owner\": \"" + repB + "\", \"orgUnit\": \"HQ/East\", \"reason\": \"x\"}"),
        "orgUnit"); // B is a member of their team, not of all HQ/East
    assertField(as("manager1").post("/api/opportunities/reassign", "{\"fromOwner\": \"" + repA + "\", \"toOwner\": \""
        + repA + "\", \"reason\": \"x\"}"), "toOwner");
    assertThat(as("manager1").post(path, "{\"owner\": \"" + repA + "\", \"reason\": \"x\"}").status()).isEqualTo(409);
    assertThat(as("manager1").post("/api/opportunities/NOPE-" + repA + "/reassign",
        "{\"owner\": \"" + repB + "\", \"reason\": \"x\"}").status()).isEqualTo(404);

    as(repA).post("/api/opportunities/" + code + "/lose", "{\"reason\": \"CUSTOMER_STOPPED\"}");
    ApiClient.Response closed = as("manager1").post(path, "{\"owner\": \"" + repB + "\", \"reason\": \"x\"}");
    assertThat(closed.status()).as(closed.toString()).isEqualTo(409);
  }

  @Test
  void shouldOfferAPendingExceptionToTheManagersOfTheNewUnitAndLetTheNewOwnerFollowIt() {
    String west = "HQ/West-" + team.substring(team.length() - 6);
    String managerW = user("mw-" + team.substring(team.length() - 6), "sales-manager", west);
    String repW = user("rw-" + team.substring(team.length() - 6), "sales-rep", west + "/Team-1");
    ObjectNode body = Opportunities.minimal(Opportunities.freshCode("EXC")); // fails the TARGET gate
    body.put("owner", repA).put("orgUnit", team).put("process", PROCESS);
    String code = as("ops1").post("/api/opportunities", body.toString()).json().path("code").asText();
    as(repA).post("/api/opportunities/" + code + "/advance", null);
    assertThat(as(repA).post("/api/opportunities/" + code + "/exceptions", "{\"reason\": \"key account\"}").status())
        .isEqualTo(201);
    Task approval = tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult();
    assertThat(candidates(approval)).contains("manager1");

    ApiClient.Response r = as("ops1").post("/api/opportunities/" + code + "/reassign",
        "{\"owner\": \"" + repW + "\", \"reason\": \"moved to the West\"}");

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().path("toOrgUnit").asText()).isEqualTo(west + "/Team-1");
    Task after = tasks.createTaskQuery().taskId(approval.getId()).singleResult();
    assertThat(candidates(after)).containsExactly(managerW);
    assertThat(after.getOwner()).isEqualTo(repW);
    assertThat(as("manager1").get("/engine-rest/task?processInstanceBusinessKey=" + code).json()).isEmpty();
    assertThat(as(managerW).get("/engine-rest/task?processInstanceBusinessKey=" + code).json().findValuesAsText("id"))
        .containsExactly(approval.getId());
    assertThat(as(repA).get("/engine-rest/task?processInstanceBusinessKey=" + code).json()).isEmpty();
    assertThat(as(repW).get("/engine-rest/task?processInstanceBusinessKey=" + code).json().findValuesAsText("id"))
        .containsExactly(approval.getId());
  }

  @Test
  void shouldHandAProjectTeamStageTaskToTheNewOwnerAndKeepTheRestOfTheTeam() {
    String code = open(repA, "TEAM");
    assertThat(as(repA).patch("/api/opportunities/" + code, Opportunities.allRemainingFacts()).status()).isEqualTo(200);
    advance(repA, code, "DISCOVER");
    advance(repA, code, "CONFIRM_INTENT");
    as(repA).post("/api/opportunities/" + code + "/activities", "{\"type\": \"MEETING\", \"date\": \""
        + java.time.LocalDate.now() + "\", \"contact\": \"王强\", \"note\": \"CIO confirmed the need\"}");
    advance(repA, code, "INITIATE_PROJECT");
    Task team = tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult();
    assertThat(team.getAssignee()).isEqualTo(repA); // whoever completed the stage before
    assertThat(candidates(team)).contains(repA, "manager1");

    assertThat(as("manager1").post("/api/opportunities/" + code + "/reassign",
        "{\"owner\": \"" + repB + "\", \"reason\": \"A left\"}").status()).isEqualTo(200);

    Task after = tasks.createTaskQuery().taskId(team.getId()).singleResult();
    assertThat(after.getAssignee()).isEqualTo(repB);
    assertThat(candidates(after)).contains(repB, "manager1").doesNotContain(repA);
    assertThat(as(repA).get("/engine-rest/task?processInstanceBusinessKey=" + code).json()).isEmpty();
    assertThat(as(repA).post("/engine-rest/task/" + team.getId() + "/claim", "{\"userId\": \"" + repA + "\"}").status())
        .isEqualTo(403);
    assertThat(as(repB).get("/engine-rest/task?processInstanceBusinessKey=" + code).json().findValuesAsText("id"))
        .containsExactly(team.getId());
    assertThat(as("expert1").get("/engine-rest/task?processInstanceBusinessKey=" + code).json().findValuesAsText("id"))
        .containsExactly(team.getId());
  }

  /**
   * A has O1, O2, O3 (each enters TARGET under A) and advances O1 to DISCOVER; all three go to B; B advances O1 to
   * CONFIRM_INTENT and O2 to DISCOVER. By the owner at entry A entered TARGET 3 times (advanced 2: O1 by A, O2 later by
   * B) and DISCOVER once (O1, advanced by B); B entered DISCOVER once (O2) and CONFIRM_INTENT once (O1). By the
   * current owner all of it is B's: TARGET 3 (2 advanced), DISCOVER 2 (1 advanced), CONFIRM_INTENT 1. The totals per
   * opportunity are the current owner's either way: B holds 3 open.
   */
  @Test
  void shouldCountStageEntriesUnderTheOwnerAtEntryByDefaultAndTheCurrentOwnerOnRequest() {
    String o1 = open(repA, "MET");
    String o2 = open(repA, "MET");
    open(repA, "MET");
    advance(repA, o1, "DISCOVER");
    assertThat(as("manager1").post("/api/opportunities/reassign", "{\"fromOwner\": \"" + repA + "\", \"toOwner\": \""
        + repB + "\", \"reason\": \"A left\"}").json().path("count").asInt()).isEqualTo(3);
    advance(repB, o1, "CONFIRM_INTENT");
    advance(repB, o2, "DISCOVER");

    JsonNode atEntry = funnel("&groupBy=owner");
    assertThat(funnel("&groupBy=owner&ownerAt=entry")).isEqualTo(atEntry);
    assertThat(atEntry.path("ownerAt").asText()).as("the reading says whose it counted").isEqualTo("entry");
    assertThat(keys(atEntry)).containsExactly(repA, repB);
    assertStage(group(atEntry, repA), "TARGET", 3, 2);
    assertStage(group(atEntry, repA), "DISCOVER", 1, 1);
    assertStage(group(atEntry, repA), "CONFIRM_INTENT", 0, 0);
    assertStage(group(atEntry, repB), "TARGET", 0, 0);
    assertStage(group(atEntry, repB), "DISCOVER", 1, 0);
    assertStage(group(atEntry, repB), "CONFIRM_INTENT", 1, 0);
    assertThat(group(atEntry, repA).path("open").asLong()).isZero();
    assertThat(group(atEntry, repB).path("open").asLong()).isEqualTo(3);

    JsonNode now = funnel("&groupBy=owner&ownerAt=current");
    assertThat(now.path("ownerAt").asText()).isEqualTo("current");
    assertThat(keys(now)).containsExactly(repB);
    assertStage(group(now, repB), "TARGET", 3, 2);
    assertStage(group(now, repB), "DISCOVER", 2, 1);
    assertStage(group(now, repB), "CONFIRM_INTENT", 1, 0);
    assertThat(group(now, repB).path("open").asLong()).isEqualTo(3);

    // filtered by owner, and the entries behind a figure agree with it
    assertStage(group(funnel("&owner=" + repA), "all"), "TARGET", 3, 2);
    assertStage(group(funnel("&owner=" + repA + "&ownerAt=current"), "all"), "TARGET", 0, 0);
    assertThat(entries("&owner=" + repB + "&ownerAt=current").path("total").asLong()).isEqualTo(3);
    assertThat(entries("&owner=" + repB).path("total").asLong()).isZero();
    assertThat(entries("&owner=" + repB).path("ownerAt").asText()).isEqualTo("entry");
    assertThat(entries("&owner=" + repB + "&ownerAt=current").path("ownerAt").asText()).isEqualTo("current");
    ApiClient.Response outcomes = as("ops1").get("/api/funnel/outcomes?process=" + PROCESS + "&status=OPEN&orgUnit="
        + team + "&owner=" + repB);
    assertThat(outcomes.json().path("ownerAt").asText()).as(outcomes.toString()).isEqualTo("current");
    assertThat(outcomes.json().path("total").asLong()).isEqualTo(3);
    ApiClient.Response bad = as("ops1").get("/api/funnel?process=" + PROCESS + "&ownerAt=later");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("errors").findValuesAsText("field")).containsExactly("ownerAt");
  }

  /**
   * C (unit One) opens O and passes the TARGET gate; O goes to D in unit Two; D passes the DISCOVER gate. At the time
   * of each event: the TARGET gate decision, the TARGET and DISCOVER entries are C's and One's; the DISCOVER gate
   * decision and the CONFIRM_INTENT entry are D's and Two's. Now, all of it is D's and Two's. Forecasts count an
   * opportunity under its owner now, and say so.
   */
  @Test
  void shouldCountGateDecisionsAndPlanningUnderTheOwnerAtTheTimeByDefaultAndNowOnRequest() {
    String one = team + "/One";
    String two = team + "/Two";
    String repC = user("rc-" + team.substring(team.length() - 6), "sales-rep", one);
    String repD = user("rd-" + team.substring(team.length() - 6), "sales-rep", two);
    ObjectNode body = Opportunities.qualified(Opportunities.freshCode("WHEN"));
    body.put("owner", repC).put("orgUnit", one).put("process", PROCESS).put("expectedCloseDate", "2099-03-31");
    ApiClient.Response opened = as("ops1").post("/api/opportunities", body.toString());
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    String o = opened.json().path("code").asText();
    advance(repC, o, "DISCOVER");
    ApiClient.Response moved = as("ops1").post("/api/opportunities/" + o + "/reassign",
        "{\"owner\": \"" + repD + "\", \"orgUnit\": \"" + two + "\", \"reason\": \"territory change\"}");
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    advance(repD, o, "CONFIRM_INTENT");

    // compliance: one gate decision each for C and D at the time, both D's now
    JsonNode atTheTime = compliance("/api/compliance/report?groupBy=owner&orgUnit=" + team);
    assertThat(atTheTime.path("ownerAt").asText()).isEqualTo("entry");
    assertThat(evaluations(atTheTime, repC)).isEqualTo(1);
    assertThat(evaluations(atTheTime, repD)).isEqualTo(1);
    JsonNode now = compliance("/api/compliance/report?groupBy=owner&ownerAt=current&orgUnit=" + team);
    assertThat(now.path("ownerAt").asText()).isEqualTo("current");
    assertThat(evaluations(now, repC)).isZero();
    assertThat(evaluations(now, repD)).isEqualTo(2);
    assertThat(compliance("/api/compliance/report?orgUnit=" + one).path("totals").path("evaluations").asLong()).isEqualTo(1);
    assertThat(compliance("/api/compliance/report?ownerAt=current&orgUnit=" + one).path("totals").path("evaluations")
        .asLong()).isZero();
    assertThat(compliance("/api/compliance/violations?ownerAt=current&orgUnit=" + one).path("ownerAt").asText())
        .isEqualTo("current");
    assertThat(compliance("/api/compliance/exceptions?orgUnit=" + one).path("ownerAt").asText()).isEqualTo("entry");

    // planning: the comparison of unit One counts TARGET and DISCOVER entries by the unit at entry, none now
    String year = String.valueOf(java.time.LocalDate.now().getYear());
    assertThat(as("ops1").put("/api/ideal-funnels/" + one + "/" + year, IDEAL).status()).isEqualTo(200);
    assertThat(as("ops1").put("/api/ideal-funnels/" + two + "/" + year, IDEAL).status()).isEqualTo(200);
    JsonNode oneAtEntry = compare(one, year, "");
    assertThat(oneAtEntry.path("ownerAt").asText()).isEqualTo("entry");
    assertCompared(oneAtEntry, "TARGET", 1, 1);
    assertCompared(oneAtEntry, "DISCOVER", 1, 1);
    assertCompared(oneAtEntry, "CONFIRM_INTENT", 0, 0);
    JsonNode oneNow = compare(one, year, "&ownerAt=current");
    assertThat(oneNow.path("ownerAt").asText()).isEqualTo("current");
    assertCompared(oneNow, "TARGET", 0, 0);
    assertCompared(compare(two, year, ""), "CONFIRM_INTENT", 1, 0);
    assertCompared(compare(two, year, ""), "TARGET", 0, 0);
    assertCompared(compare(two, year, "&ownerAt=current"), "TARGET", 1, 1);
    ApiClient.Response targets = as("ops1").get("/api/funnel/targets?process=" + PROCESS + "&orgUnit=" + two
        + "&period=" + year + "&ownerAt=current");
    assertThat(targets.status()).as(targets.toString()).isEqualTo(200);
    assertThat(targets.json().path("ownerAt").asText()).isEqualTo("current");
    assertField(as("ops1").get("/api/funnel/compare?process=" + PROCESS + "&orgUnit=" + one + "&period=" + year
        + "&ownerAt=then"), "ownerAt");

    // forecasts: the opportunity is its current owner's pipeline, and the response says whose
    ApiClient.Response forecast = as("ops1").get("/api/forecast?process=" + PROCESS + "&orgUnit=" + two
        + "&method=weighted&details=true&period=2099-Q1");
    assertThat(forecast.status()).as(forecast.toString()).isEqualTo(200);
    assertThat(forecast.json().path("ownerAt").asText()).isEqualTo("current");
    assertThat(forecast.json().path("opportunities").findValuesAsText("code")).containsExactly(o);
    assertThat(as("ops1").get("/api/forecast?process=" + PROCESS + "&orgUnit=" + one
        + "&method=weighted&details=true&period=2099-Q1").json().path("opportunities")).isEmpty();
    assertThat(as("ops1").get("/api/forecast/backtest?process=" + PROCESS + "&orgUnit=" + two + "&period=" + year)
        .json().path("ownerAt").asText()).isEqualTo("current");
  }

  static final String IDEAL = IdealFunnels.PROJECT_SALES;

  JsonNode compliance(String path) {
    ApiClient.Response r = as("ops1").get(path);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  /** The gate evaluations of the owner's groups (one per process and stage) in a report grouped by owner. */
  static long evaluations(JsonNode report, String owner) {
    long n = 0;
    for (JsonNode g : report.path("groups")) {
      if (g.path("key").asText().equals(owner)) {
        n += g.path("evaluations").asLong();
      }
    }
    return n;
  }

  JsonNode compare(String unit, String period, String query) {
    ApiClient.Response r = as("ops1").get("/api/funnel/compare?process=" + PROCESS + "&orgUnit=" + unit + "&period="
        + period + query);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  static void assertCompared(JsonNode comparison, String stage, long entered, long advanced) {
    for (JsonNode s : comparison.path("stages")) {
      if (s.path("stage").asText().equals(stage)) {
        assertThat(s.path("entered").asLong()).as(stage + " entered").isEqualTo(entered);
        assertThat(s.path("advanced").asLong()).as(stage + " advanced").isEqualTo(advanced);
        return;
      }
    }
    throw new AssertionError("no stage " + stage + " in " + comparison);
  }

  // --- helpers ---

  ApiClient as(String user) {
    return ApiClient.as(port, user);
  }

  String user(String id, String group, String orgUnit) {
    User user = identity.newUser(id);
    user.setFirstName("Test");
    user.setLastName(id);
    user.setPassword("demo");
    identity.saveUser(user);
    identity.createMembership(id, group);
    directory.assign(id, orgUnit);
    return id;
  }

  /** ops1 opens a minimal opportunity for the owner in the unit. */
  String openIn(String owner, String orgUnit) {
    ObjectNode body = Opportunities.minimal(Opportunities.freshCode("CAND"));
    body.put("owner", owner).put("orgUnit", orgUnit).put("process", PROCESS);
    ApiClient.Response r = as("ops1").post("/api/opportunities", body.toString());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().path("code").asText();
  }

  /** ops1 opens a qualified opportunity (passes the first two gates) for the owner in the team. */
  String open(String owner, String prefix) {
    ObjectNode body = Opportunities.qualified(Opportunities.freshCode(prefix));
    body.put("owner", owner).put("orgUnit", team).put("process", PROCESS);
    ApiClient.Response r = as("ops1").post("/api/opportunities", body.toString());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().path("code").asText();
  }

  void advance(String user, String code, String expectedStage) {
    ApiClient.Response r = as(user).post("/api/opportunities/" + code + "/advance", null);
    assertThat(r.json().path("stage").asText()).as(r.toString()).isEqualTo(expectedStage);
  }

  JsonNode funnel(String query) {
    ApiClient.Response r = as("ops1").get("/api/funnel?process=" + PROCESS + "&orgUnit=" + team + query);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  JsonNode entries(String query) {
    ApiClient.Response r = as("ops1").get("/api/funnel/entries?process=" + PROCESS + "&stage=TARGET&orgUnit=" + team
        + query);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  List<String> candidates(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getUserId() != null)
        .map(IdentityLink::getUserId).toList();
  }

  static void assertField(ApiClient.Response r, String field) {
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.json().path("errors").findValuesAsText("field")).as(r.toString()).containsExactly(field);
  }

  static JsonNode group(JsonNode report, String key) {
    for (JsonNode g : report.path("groups")) {
      if (g.path("key").asText().equals(key)) {
        return g;
      }
    }
    throw new AssertionError("no group " + key + " in " + report);
  }

  static List<String> keys(JsonNode report) {
    List<String> keys = new ArrayList<>();
    report.path("groups").forEach(g -> keys.add(g.path("key").asText()));
    return keys;
  }

  static void assertStage(JsonNode group, String stage, long entered, long advanced) {
    for (JsonNode s : group.path("stages")) {
      if (s.path("stage").asText().equals(stage)) {
        assertThat(s.path("entered").asLong()).as(stage + " entered in " + group.path("key")).isEqualTo(entered);
        assertThat(s.path("advanced").asLong()).as(stage + " advanced in " + group.path("key")).isEqualTo(advanced);
        return;
      }
    }
    throw new AssertionError("no stage " + stage + " in " + group);
  }

  static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }
}

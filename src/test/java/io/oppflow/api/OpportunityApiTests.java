package io.oppflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;
import io.oppflow.support.Opportunities;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every endpoint of /api/opportunities, with the answers a client gets for good and bad requests. */
@H2ServiceTest
class OpportunityApiTests {

  @LocalServerPort int port;

  ApiClient as(String user) { return ApiClient.as(port, user); }
  ApiClient anonymous() { return ApiClient.anonymous(port); }

  String openMinimal() {
    String code = Opportunities.freshCode("API");
    assertThat(as("rep1").post("/api/opportunities", Opportunities.minimal(code).toString()).status()).isEqualTo(201);
    return code;
  }

  static void assertProblem(ApiClient.Response r, int status) {
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().path("status").asInt()).isEqualTo(status);
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContainIgnoringCase("select ");
  }

  static void assertFieldError(ApiClient.Response r, String field) {
    assertProblem(r, 400);
    assertThat(r.json().path("errors").findValuesAsText("field")).contains(field);
  }

  @Nested
  class Open {

    @Test
    void shouldOpenAnOpportunityStartItsProcessAndAnswer201() {
      String code = Opportunities.freshCode("NEW");
      ApiClient.Response r = as("rep1").post("/api/opportunities", Opportunities.qualified(code).toString());
      assertThat(r.status()).isEqualTo(201);
      assertThat(r.json().path("code").asText()).isEqualTo(code);
      assertThat(r.json().path("stage").asText()).isEqualTo("TARGET");
      assertThat(r.json().path("status").asText()).isEqualTo("OPEN");
      assertThat(r.json().path("processInstanceId").asText()).isNotBlank();
      assertThat(r.json().path("process").asText()).isEqualTo("project-sales-funnel");
      assertThat(r.etag()).isNotNull();
    }

    @Test
    void shouldGenerateACodeAndTakeOwnerAndOrgUnitFromTheCaller() {
      ObjectNode body = Opportunities.minimal("ignored");
      body.remove(java.util.List.of("code", "owner", "orgUnit"));
      JsonNode created = as("rep2").post("/api/opportunities", body.toString()).json();
      assertThat(created.path("code").asText()).matches("OPP-\\d{4}-[2-9A-HJ-NP-Z]{6}");
      assertThat(created.path("owner").asText()).isEqualTo("rep2");
      assertThat(created.path("orgUnit").asText()).isEqualTo("HQ/North/Beijing-1");
    }

    @Test
    void shouldLetAManagerOpenForARepOfTheirUnitButNotARepForAnotherRep() {
      ObjectNode forRep1 = Opportunities.minimal(Opportunities.freshCode("MGR"));
      assertThat(as("manager1").post("/api/opportunities", forRep1.toString()).status()).isEqualTo(201);
      ObjectNode byRep2 = Opportunities.minimal(Opportunities.freshCode("R2"));
      assertProblem(as("rep2").post("/api/opportunities", byRep2.toString()), 403);
      assertProblem(as("expert1").post("/api/opportunities", Opportunities.minimal(Opportunities.freshCode("EXP")).toString()), 403);
    }

    @Test
    void shouldRefuseATakenCodeWith409() {
      String code = openMinimal();
      assertProblem(as("rep1").post("/api/opportunities", Opportunities.minimal(code).toString()), 409);
    }

    @Test
    void shouldRefuseAnonymousAndWrongPasswordsWith401() {
      assertProblem(anonymous().post("/api/opportunities", Opportunities.minimal("X1").toString()), 401);
      assertProblem(ApiClient.as(port, "nobody", "wrong").post("/api/opportunities", "{}"), 401);
    }

    @Test
    void shouldRefuseMalformedJsonWith400() {
      assertProblem(as("rep1").post("/api/opportunities", "{\"name\": "), 400);
    }

    // One refusal of each kind, from the body's types, the facts' constraints and the service's own checks:
    // the table of fields each kind names is OpportunityJsonTests, without a server.
    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
        "missing name                 | name              | {\"process\": \"project-sales-funnel\", \"customer\": {\"name\": \"A\"}}",
        "amount that is not a number  | amount            | {\"process\": \"project-sales-funnel\", \"name\": \"N\", \"customer\": {\"name\": \"A\"}, \"amount\": \"lots\"}",
        "unknown process              | process           | {\"name\": \"N\", \"customer\": {\"name\": \"A\"}, \"process\": \"nope\"}",
        "bad org unit                 | orgUnit           | {\"process\": \"project-sales-funnel\", \"name\": \"N\", \"customer\": {\"name\": \"A\"}, \"orgUnit\": \"HQ//x\"}",
        "bad code                     | code              | {\"process\": \"project-sales-funnel\", \"name\": \"N\", \"customer\": {\"name\": \"A\"}, \"code\": \"has space\"}"})
    void shouldRefuseInvalidFactsWith400NamingTheField(String why, String field, String body) {
      assertFieldError(as("rep1").post("/api/opportunities", body), field);
    }
  }

  @Nested
  class Read {

    @Test
    void shouldAnswerTheOwnerTheirManagerAndExpertsButNotOtherReps() {
      String code = openMinimal();
      assertThat(as("rep1").get("/api/opportunities/" + code).status()).isEqualTo(200);
      assertThat(as("manager1").get("/api/opportunities/" + code).status()).isEqualTo(200);
      assertThat(as("expert1").get("/api/opportunities/" + code).status()).isEqualTo(200);
      assertThat(as("ops1").get("/api/opportunities/" + code).status()).isEqualTo(200);
      assertProblem(as("rep2").get("/api/opportunities/" + code), 403);
      assertProblem(anonymous().get("/api/opportunities/" + code), 401);
    }

    @Test
    void shouldAnswer404ForAnUnknownCode() {
      assertProblem(as("rep1").get("/api/opportunities/NO-SUCH-CODE"), 404);
    }

    @Test
    void shouldListOnlyWhatTheCallerMaySeeFilteredAndPaged() {
      String mine = openMinimal();
      String other = Opportunities.freshCode("OTHER");
      as("rep2").post("/api/opportunities", Opportunities.minimal(other).put("owner", "rep2").put("orgUnit", "HQ/North/Beijing-1").toString());

      JsonNode rep1List = as("rep1").get("/api/opportunities?size=1000").json();
      assertThat(rep1List.path("content").findValuesAsText("owner")).containsOnly("rep1");
      assertThat(rep1List.path("content").findValuesAsText("code")).contains(mine).doesNotContain(other);
      JsonNode managerList = as("manager1").get("/api/opportunities?size=1000").json();
      assertThat(managerList.path("content").findValuesAsText("code")).contains(mine).doesNotContain(other);
      JsonNode opsList = as("ops1").get("/api/opportunities?size=1000").json();
      assertThat(opsList.path("content").findValuesAsText("code")).contains(mine, other);

      JsonNode page = as("rep1").get("/api/opportunities?size=1&stage=TARGET&status=OPEN&owner=rep1").json();
      assertThat(page.path("content")).hasSize(1);
      assertThat(page.path("content").get(0).path("stage").asText()).isEqualTo("TARGET");
      assertThat(page.path("page").path("totalElements").asLong()).isGreaterThanOrEqualTo(1);
      assertThat(as("rep1").get("/api/opportunities?stage=NEGOTIATE&owner=rep1").json().path("content").findValuesAsText("code"))
          .doesNotContain(mine);
    }

    @Test
    void shouldRefuseAnUnknownStatusFilterWith400() {
      assertFieldError(as("rep1").get("/api/opportunities?status=MAYBE"), "status");
    }
  }

  @Nested
  class Patch {

    @Test
    void shouldMergeTheChangesIntoTheFactsAndKeepTheRest() {
      String code = openMinimal();
      ApiClient.Response r = as("rep1").patch("/api/opportunities/" + code,
          "{\"customer\": {\"industry\": \"retail\"}, \"region\": null, \"competitors\": [{\"name\": \"Kingdee\"}]}");
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
      assertThat(r.json().path("customer").path("industry").asText()).isEqualTo("retail");
      assertThat(r.json().path("customer").path("name").asText()).isEqualTo("上海某公司");
      assertThat(r.json().has("region")).isFalse();
      assertThat(r.json().path("competitors").get(0).path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void shouldRefuseAChangeBasedOnAStaleVersionWith409() {
      String code = openMinimal();
      String etag = as("rep1").get("/api/opportunities/" + code).etag();
      assertThat(as("rep1").patch("/api/opportunities/" + code, "{\"needs\": \"a\"}", "If-Match", etag).status()).isEqualTo(200);
      assertProblem(as("rep1").patch("/api/opportunities/" + code, "{\"needs\": \"b\"}", "If-Match", etag), 409);
      assertThat(as("rep1").get("/api/opportunities/" + code).json().path("needs").asText()).isEqualTo("a");
    }

    @Test
    void shouldRefuseReadOnlyAndInvalidFieldsWith400() {
      String code = openMinimal();
      assertFieldError(as("rep1").patch("/api/opportunities/" + code, "{\"stage\": \"CLOSE\"}"), "stage");
      assertFieldError(as("rep1").patch("/api/opportunities/" + code, "{\"budget\": {\"status\": \"MAYBE\"}}"), "budget.status");
      assertFieldError(as("rep1").patch("/api/opportunities/" + code, "{\"needs\": \"a\"}", "If-Match", "\"v1\""), "If-Match");
      assertProblem(as("rep1").patch("/api/opportunities/" + code, "[1, 2]"), 400);
    }

    @Test
    void shouldRefuseOtherRepsAndUnknownCodes() {
      String code = openMinimal();
      assertProblem(as("rep2").patch("/api/opportunities/" + code, "{\"needs\": \"x\"}"), 403);
      assertProblem(as("expert1").patch("/api/opportunities/" + code, "{\"needs\": \"x\"}"), 403);
      assertProblem(as("rep1").patch("/api/opportunities/NO-SUCH", "{\"needs\": \"x\"}"), 404);
    }
  }

  @Nested
  class Activities {

    @Test
    void shouldLogAnActivityInTheCurrentStageAndListIt() {
      String code = openMinimal();
      ApiClient.Response logged = as("rep1").post("/api/opportunities/" + code + "/activities",
          "{\"type\": \"CALL\", \"date\": \"2026-11-02\", \"contact\": \"李娜\", \"note\": \"budget call\"}");
      assertThat(logged.status()).isEqualTo(201);
      assertThat(logged.json().path("stage").asText()).isEqualTo("TARGET");
      assertThat(logged.json().path("recordedBy").asText()).isEqualTo("rep1");
      assertThat(as("manager1").get("/api/opportunities/" + code + "/activities").json().findValuesAsText("type")).containsExactly("CALL");
    }

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
        "no type            | type | {\"date\": \"2026-11-02\"}",
        "unknown type       | type | {\"type\": \"LUNCH\", \"date\": \"2026-11-02\"}",
        "no date            | date | {\"type\": \"CALL\"}",
        "a date to come     | date | {\"type\": \"CALL\", \"date\": \"2099-01-01\"}"})
    void shouldRefuseAnActivityThatIsNotEvidence(String why, String field, String body) {
      assertFieldError(as("rep1").post("/api/opportunities/" + openMinimal() + "/activities", body), field);
    }

    @Test
    void shouldRefuseOtherRepsAndClosedOpportunities() {
      String code = openMinimal();
      assertProblem(as("rep2").post("/api/opportunities/" + code + "/activities", "{\"type\": \"CALL\", \"date\": \"2026-11-02\"}"), 403);
      as("rep1").post("/api/opportunities/" + code + "/lose", "{\"reason\": \"CUSTOMER_STOPPED\"}");
      assertProblem(as("rep1").post("/api/opportunities/" + code + "/activities", "{\"type\": \"CALL\", \"date\": \"2026-11-02\"}"), 409);
    }
  }

  @Nested
  class AdvanceAndLose {

    @Test
    void shouldAnswerTheVerdictWithBilingualCriteria() {
      String code = openMinimal();
      JsonNode r = as("rep1").post("/api/opportunities/" + code + "/advance", null).json();
      assertThat(r.path("verdict").asText()).isEqualTo("FAILED");
      assertThat(r.path("gateStage").asText()).isEqualTo("TARGET");
      assertThat(r.path("failures").get(0).path("blocking").asBoolean()).isTrue();
      assertThat(r.path("warnings").findValuesAsText("code")).contains("TARGET-02");
      assertThat(r.path("rulesVersion").asText()).isNotBlank();
    }

    @Test
    void shouldRefuseUnknownForeignAndAnonymousAdvances() {
      String code = openMinimal();
      assertProblem(as("rep1").post("/api/opportunities/NO-SUCH/advance", null), 404);
      assertProblem(as("rep2").post("/api/opportunities/" + code + "/advance", null), 403);
      assertProblem(anonymous().post("/api/opportunities/" + code + "/advance", null), 401);
      assertThat(as("rep1").get("/api/opportunities/" + code + "/gate-records").json()).isEmpty();
    }

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
        "no reason                        | reason     | {}",
        "unknown reason                   | reason     | {\"reason\": \"BORED\"}",
        "competitor loss without its name | competitor | {\"reason\": \"COMPETITOR\"}",
        "other reason without a note      | note       | {\"reason\": \"OTHER\"}"})
    void shouldRefuseALossWithoutAUsableReason(String why, String field, String body) {
      String code = openMinimal();
      assertFieldError(as("rep1").post("/api/opportunities/" + code + "/lose", body), field);
      assertThat(as("rep1").get("/api/opportunities/" + code).json().path("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void shouldRefuseToLoseTwice() {
      String code = openMinimal();
      assertThat(as("rep1").post("/api/opportunities/" + code + "/lose", "{\"reason\": \"OTHER\", \"note\": \"budget cut\"}").status()).isEqualTo(200);
      assertProblem(as("rep1").post("/api/opportunities/" + code + "/lose", "{\"reason\": \"OTHER\", \"note\": \"again\"}"), 409);
      assertProblem(as("rep1").patch("/api/opportunities/" + code, "{\"needs\": \"x\"}"), 409);
    }

    @Test
    void shouldShowGateRecordsOnlyToThoseWhoMayReadTheOpportunity() {
      String code = openMinimal();
      as("rep1").post("/api/opportunities/" + code + "/advance", null);
      assertThat(as("manager1").get("/api/opportunities/" + code + "/gate-records").json()).hasSize(1);
      assertProblem(as("rep2").get("/api/opportunities/" + code + "/gate-records"), 403);
    }
  }
}

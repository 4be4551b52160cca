package io.oppflow.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oppflow.process.StageModel;
import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;
import io.oppflow.support.Opportunities;
import java.io.File;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code GET /api/processes} (the deployed stage processes as the BPMN models them, and the one a page should
 * preselect), and no silent default: with the two shipped processes deployed, a reading or an opening that names
 * none is refused listing the choices, and every answer names its process (docs/api.md "Stage processes").
 */
@H2ServiceTest
class StageProcessApiTests {

  @LocalServerPort int port;
  @Autowired IdentityService identity;

  ApiClient as(String user) {
    return ApiClient.as(port, user);
  }

  /** A new rep of the demo organisation, with no opportunity yet (password "demo"). */
  String freshRep() {
    String id = "rep-" + UUID.randomUUID().toString().substring(0, 8);
    User user = identity.newUser(id);
    user.setFirstName("Fresh");
    user.setLastName("Rep");
    user.setPassword("demo");
    identity.saveUser(user);
    identity.createMembership(id, "sales-rep");
    return id;
  }

  /** ops1 opens an opportunity for the owner in the org unit; process null = none named. */
  JsonNode open(String owner, String orgUnit, String process) {
    ObjectNode body = Opportunities.minimal(Opportunities.freshCode("SP"));
    body.put("owner", owner);
    body.put("orgUnit", orgUnit);
    body.put("expectedCloseDate", "2099-03-31");
    if (process != null) {
      body.put("process", process);
    }
    ApiClient.Response r = as("ops1").post("/api/opportunities", body.toString());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json();
  }

  static JsonNode process(JsonNode list, String key) {
    for (JsonNode p : list.path("processes")) {
      if (p.path("key").asText().equals(key)) {
        return p;
      }
    }
    throw new AssertionError("no process " + key + " in " + list);
  }

  @Nested
  class TheList {

    @Test
    void shouldListBothShippedProcessesWithTheirStagesInOrder() {
      JsonNode list = as("rep1").get("/api/processes").json();

      assertThat(list.path("processes").findValuesAsText("key")).contains("classic-funnel", "project-sales-funnel");
      assertThat(process(list, "project-sales-funnel").path("stages").findValuesAsText("code")).containsExactly(
          "TARGET", "DISCOVER", "CONFIRM_INTENT", "INITIATE_PROJECT", "WIN_RECOGNITION", "NEGOTIATE", "CLOSE");
      assertThat(process(list, "classic-funnel").path("stages").findValuesAsText("code"))
          .containsExactly("IDENTIFIED", "CONTACT", "QUALIFIED", "CLOSING");
      JsonNode classic = process(list, "classic-funnel");
      assertThat(classic.path("name").path("zh").asText()).isEqualTo("经典销售漏斗");
      assertThat(classic.path("name").path("en").asText()).isEqualTo("Classic sales funnel");
      assertThat(classic.path("version").asInt()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"project-sales-funnel", "classic-funnel"})
    void shouldDescribeEachStageAsTheBpmnModelsIt(String key) {
      BpmnModelInstance model = Bpmn.readModelFromFile(new File("processes/" + key + ".bpmn"));
      Process bpmn = model.getModelElementById(key);
      JsonNode listed = process(as("manager1").get("/api/processes").json(), key);

      assertThat(listed.path("name").path("zh").asText() + " / " + listed.path("name").path("en").asText())
          .isEqualTo(bpmn.getName());
      List<String> expected = new ArrayList<>();
      model.getModelElementsByType(SubProcess.class).stream()
          .filter(s -> StageModel.property(s, StageModel.STAGE_CODE).isPresent())
          .sorted(Comparator.comparingInt(s -> Integer.parseInt(StageModel.property(s, StageModel.STAGE_ORDER).orElseThrow())))
          .forEach(s -> expected.add(String.join("|", StageModel.property(s, StageModel.STAGE_CODE).orElseThrow(),
              s.getName(), StageModel.property(s, StageModel.STAGE_ORDER).orElseThrow(),
              new BigDecimal(StageModel.property(s, StageModel.WIN_PROBABILITY).orElseThrow()).stripTrailingZeros().toPlainString(),
              StageModel.property(s, StageModel.DWELL_LIMIT).orElseThrow())));
      List<String> actual = new ArrayList<>();
      listed.path("stages").forEach(s -> actual.add(String.join("|", s.path("code").asText(),
          s.path("name").path("zh").asText() + " / " + s.path("name").path("en").asText(), s.path("order").asText(),
          s.path("winProbability").decimalValue().stripTrailingZeros().toPlainString(), s.path("dwellLimit").asText())));

      assertThat(actual).containsExactlyElementsOf(expected).hasSize("classic-funnel".equals(key) ? 4 : 7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rep1", "expert1", "manager1", "ops1"})
    void shouldBeReadByEverySalesRole(String user) {
      ApiClient.Response r = as(user).get("/api/processes");
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
      assertThat(r.json().path("suggestedProcess").asText()).isNotBlank();
    }

    @Test
    void shouldAnswer401ToAnAnonymousCaller() {
      assertThat(ApiClient.anonymous(port).get("/api/processes").status()).isEqualTo(401);
    }
  }

  @Nested
  class TheDiagram {

    @ParameterizedTest
    @ValueSource(strings = {"project-sales-funnel", "classic-funnel"})
    void shouldBeTheDeployedBpmnOfTheLatestVersionWithEveryStageElement(String key) {
      ApiClient.Response r = as("manager1").get("/api/processes/" + key + "/diagram", "application/xml");

      assertThat(r.status()).as(r.toString()).isEqualTo(200);
      assertThat(r.contentType()).startsWith("application/xml");
      BpmnModelInstance served = Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(
          r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      assertThat(served.<Process>getModelElementById(key)).isNotNull();
      process(as("manager1").get("/api/processes").json(), key).path("stages").forEach(stage ->
          assertThat(served.<SubProcess>getModelElementById("Stage_" + stage.path("code").asText()))
              .as("stage element of " + stage.path("code").asText()).isNotNull());
      assertThat(r.body()).contains("bpmndi:BPMNDiagram");
    }

    @Test
    void shouldBeReadByARepWhateverTheyAccept() {
      ApiClient.Response r = as("rep1").get("/api/processes/classic-funnel/diagram");
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
      assertThat(r.contentType()).startsWith("application/xml");
    }

    @Test
    void shouldAnswer404ProblemForAKeyThatIsNoStageProcess() {
      ApiClient.Response r = as("manager1").get("/api/processes/no-such-process/diagram", "application/xml");

      assertThat(r.status()).as(r.toString()).isEqualTo(404);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.json().path("detail").asText()).contains("no-such-process");
    }

    @Test
    void shouldAnswer401ToAnAnonymousCaller() {
      assertThat(ApiClient.anonymous(port).get("/api/processes/classic-funnel/diagram").status()).isEqualTo(401);
    }
  }

  @Nested
  class NoProcessNamed {

    String rep;
    String unit;

    @BeforeEach
    void freshRepOfTheClassicFunnel() {
      rep = freshRep();
      unit = "HQ/East/Classic-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Two stage processes are deployed (the shipped ones): a reading that names none is refused, never guessed. */
    @ParameterizedTest
    @ValueSource(strings = {
        "/api/funnel",
        "/api/funnel?orgUnit=HQ/East",
        "/api/funnel/entries?stage=TARGET",
        "/api/funnel/outcomes?status=WON",
        "/api/forecast?period=2027-Q1",
        "/api/forecast/backtest?period=2027-Q1&periods=1",
        "/api/funnel/compare?orgUnit=HQ/East&period=2031-Q1",
        "/api/funnel/targets?orgUnit=HQ/East&period=2031-Q1&revenue=100000",
        "/api/ideal-funnels/HQ/East/2031-Q1"})
    void shouldRefuseAReadingWith400NamingProcessAndTheChoices(String path) {
      open(rep, unit, "classic-funnel");

      assertRefusedWithTheChoices(as("ops1").get(path));
      assertRefusedWithTheChoices(as("manager1").get(path));
    }

    @Test
    void shouldRefuseToOpenOrPlanWithoutAProcessListingTheChoices() {
      ObjectNode body = Opportunities.minimal(Opportunities.freshCode("SP"));
      body.remove("process");
      assertRefusedWithTheChoices(as("rep1").post("/api/opportunities", body.toString()));
      assertRefusedWithTheChoices(as("ops1").put("/api/ideal-funnels/HQ/East/2031-Q2", """
          {"stages": [{"stage": "TARGET", "targetConversion": 0.5}], "targetRevenue": 1000000, "averageDealSize": 100000}"""));
    }

    @Test
    void shouldSuggestTheConfiguredProcessToAPageOfACallerWithNoOpportunities() {
      assertThat(as(rep).get("/api/processes").json().path("suggestedProcess").asText()).isEqualTo("project-sales-funnel");
    }

    @Test
    void shouldSuggestTheProcessTheCallersOpportunitiesRunInAndAnswerInTheOneNamed() {
      open(rep, unit, "classic-funnel");
      open(rep, unit, "classic-funnel");

      assertThat(as(rep).get("/api/processes").json().path("suggestedProcess").asText()).isEqualTo("classic-funnel");
      JsonNode funnel = as(rep).get("/api/funnel?process=classic-funnel").json();
      assertThat(funnel.path("process").asText()).as(funnel.toString()).isEqualTo("classic-funnel");
      JsonNode all = funnel.path("groups").get(0);
      assertThat(all.path("stages").findValuesAsText("stage")).containsExactly("IDENTIFIED", "CONTACT", "QUALIFIED", "CLOSING");
      assertThat(all.path("stages").get(0).path("entered").asLong()).isEqualTo(2);
      JsonNode forecast = as(rep).get("/api/forecast?period=2099-Q1&process=classic-funnel").json();
      assertThat(forecast.path("process").asText()).as(forecast.toString()).isEqualTo("classic-funnel");
      // two open at IDENTIFIED (win probability 0.10 in the BPMN), 250 000 each
      assertThat(forecast.path("total").decimalValue()).isEqualByComparingTo("50000");
      assertThat(as(rep).get("/api/forecast/backtest?period=2099-Q1&periods=1&process=classic-funnel").json()
          .path("process").asText()).isEqualTo("classic-funnel");
    }

    @Test
    void shouldNameTheProcessInEveryExport() {
      open(rep, unit, "classic-funnel");

      for (String path : List.of("/api/funnel?process=classic-funnel", "/api/funnel/entries?process=classic-funnel&stage=IDENTIFIED",
          "/api/funnel/outcomes?process=classic-funnel&status=OPEN", "/api/forecast?period=2099-Q1&process=classic-funnel",
          "/api/forecast?period=2099-Q1&process=classic-funnel&table=opportunities",
          "/api/forecast/backtest?period=2099-Q1&periods=1&process=classic-funnel")) {
        String csv = new String(as(rep).getBytes(path + "&format=csv", "*/*"), java.nio.charset.StandardCharsets.UTF_8)
            .replace("\uFEFF", "");
        List<String> lines = csv.lines().toList();
        int column = List.of(lines.get(0).split(",")).indexOf("process");
        assertThat(column).as(path + ": " + lines.get(0)).isNotNegative();
        assertThat(lines.stream().skip(1).map(l -> l.split(",", -1)[column])).as(path).isNotEmpty().containsOnly("classic-funnel");
      }
    }

    @Test
    void shouldNeverOverrideTheProcessTheCallerNames() {
      open(rep, unit, "classic-funnel");

      JsonNode funnel = as(rep).get("/api/funnel?process=project-sales-funnel").json();

      assertThat(funnel.path("process").asText()).isEqualTo("project-sales-funnel");
      assertThat(funnel.path("groups").get(0).path("stages").get(0).path("entered").asLong()).isZero();
    }

    void assertRefusedWithTheChoices(ApiClient.Response r) {
      assertThat(r.status()).as(r.toString()).isEqualTo(400);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.json().path("errors").findValuesAsText("field")).as(r.toString()).containsExactly("process");
      List<String> choices = new ArrayList<>();
      r.json().path("choices").forEach(c -> choices.add(c.asText()));
      assertThat(choices).as(r.toString()).containsExactly("classic-funnel", "project-sales-funnel");
    }
  }

  @Nested
  class AnUnknownProcess {

    @ParameterizedTest
    @ValueSource(strings = {
        "/api/funnel?process=no-such-process",
        "/api/forecast?period=2027-Q1&process=no-such-process",
        "/api/forecast/backtest?period=2027-Q1&process=no-such-process",
        "/api/funnel/entries?stage=TARGET&process=no-such-process",
        "/api/funnel/compare?orgUnit=HQ/East&period=2031-Q1&process=no-such-process",
        "/api/funnel/targets?orgUnit=HQ/East&period=2031-Q1&revenue=100000&process=no-such-process",
        "/api/ideal-funnels/HQ/East/2031-Q1?process=no-such-process"})
    void shouldBeRefusedWith400NamingProcess(String path) {
      assertNamesProcess(as("ops1").get(path));
    }

    @Test
    void shouldBeRefusedWhenPlanningOrOpening() {
      assertNamesProcess(as("ops1").put("/api/ideal-funnels/HQ/East/2031-Q2", """
          {"process": "no-such-process", "stages": [{"stage": "TARGET", "targetConversion": 0.5}],
           "targetRevenue": 1000000, "averageDealSize": 100000}"""));
      ObjectNode body = Opportunities.minimal(Opportunities.freshCode("SP"));
      body.put("process", "no-such-process");
      assertNamesProcess(as("rep1").post("/api/opportunities", body.toString()));
    }

    void assertNamesProcess(ApiClient.Response r) {
      assertThat(r.status()).as(r.toString()).isEqualTo(400);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.json().path("errors").findValuesAsText("field")).containsExactly("process");
      assertThat(r.body()).contains("no-such-process").doesNotContain("Exception");
      assertThat(r.json().path("choices").size()).as(r.toString()).isEqualTo(2);
    }
  }
}

package io.oppflow.process.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every field of every shipped form binds a key the service fills or reads; a key with a typo is refused
 * with the key, the form and the key it most likely meant (deploying it is refused too, see
 * {@code StageModelValidationTests}).
 */
class StageFormKeysTests {

  static List<Path> shippedForms() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("processes/forms"))) {
      return files.filter(p -> p.toString().endsWith(".form")).sorted().toList();
    }
  }

  @Test
  void shouldKnowEveryFieldKeyOfEveryShippedForm() throws IOException {
    List<Path> forms = shippedForms();
    assertThat(forms).hasSizeGreaterThanOrEqualTo(13);
    Set<String> used = new TreeSet<>();
    for (Path form : forms) {
      Set<String> keys = new TreeSet<>();
      StageFormKeys.collect(new ObjectMapper().readTree(form.toFile()).path("components"), keys);
      assertThat(keys).as(form + " binds fields").isNotEmpty();
      assertThat(StageFormKeys.known()).as(form.toString()).containsAll(keys);
      assertThat(StageFormKeys.problemOf(form.getFileName().toString(), Files.readAllBytes(form))).as(form.toString()).isEmpty();
      used.addAll(keys);
    }
    System.out.println("Shipped forms: " + forms.size() + ", distinct field keys: " + used.size()
        + " of " + StageFormKeys.known().size() + " known");
  }

  @Test
  void shouldGiveEveryStageFormTheActivitySectionWithTheSameLabelsAndKeys() throws IOException {
    List<Path> stageForms = shippedForms().stream().filter(p -> p.getFileName().toString().startsWith("form-stage-")).toList();
    assertThat(stageForms).as("project-sales-funnel's 7 stages and classic-funnel's 4").hasSize(11);
    for (Path form : stageForms) {
      Map<String, JsonNode> fields = fieldsByKey(form);
      assertThat(fields).as(form.toString()).containsKeys("activityType", "activityDate", "activityContact",
          "activityDecisionMaker", "activityNote", "stageActivities");
      JsonNode type = fields.get("activityType");
      assertThat(type.path("type").asText()).isEqualTo("select");
      assertThat(type.path("label").asText()).isEqualTo("活动类型 / Activity type");
      assertThat(type.path("validate").path("required").asBoolean()).as("empty = log nothing").isFalse();
      assertThat(optionsOf(type)).containsExactly("VISIT=拜访 / Visit", "CALL=电话 / Call", "MEETING=会议 / Meeting",
          "DEMO=演示 / Demo", "PROPOSAL=方案 / Proposal", "OTHER=其他 / Other");
      assertThat(fields.get("activityDate").path("type").asText()).isEqualTo("datetime");
      assertThat(fields.get("activityDate").path("subtype").asText()).isEqualTo("date");
      assertThat(fields.get("activityDate").path("dateLabel").asText()).isEqualTo("活动日期 / Activity date");
      assertField(fields.get("activityContact"), "textfield", "联系人 / Contact");
      assertField(fields.get("activityDecisionMaker"), "checkbox", "联系人是决策人 / The contact is a decision maker");
      assertField(fields.get("activityNote"), "textarea", "活动记录 / Activity note");
      assertField(fields.get("stageActivities"), "textarea", "本阶段活动 / Activities in this stage");
      assertThat(fields.get("stageActivities").path("readonly").asBoolean()).isTrue();
    }
  }

  @Test
  void shouldRequireALossReasonWhenLosingAndTheCompetitorOnlyWhenLostToOne() throws IOException {
    for (Path form : shippedForms().stream().filter(p -> p.getFileName().toString().startsWith("form-stage-")).toList()) {
      Map<String, JsonNode> fields = fieldsByKey(form);
      // form-js (Tasklist 7.24) validates only the fields it shows: a hidden required field does not block
      JsonNode reason = fields.get("lossReason");
      assertThat(reason.path("validate").path("required").asBoolean()).as(form.toString()).isTrue();
      assertThat(reason.path("conditional").path("hide").asText()).isEqualTo("=stageAction != \"LOSE\"");
      JsonNode competitor = fields.get("lossCompetitor");
      assertThat(competitor.path("validate").path("required").asBoolean()).as(form.toString()).isTrue();
      assertThat(competitor.path("conditional").path("hide").asText())
          .isEqualTo("=stageAction != \"LOSE\" or lossReason != \"COMPETITOR\"");
    }
  }

  private static Map<String, JsonNode> fieldsByKey(Path form) throws IOException {
    Map<String, JsonNode> fields = new TreeMap<>();
    for (JsonNode component : new ObjectMapper().readTree(form.toFile()).path("components")) {
      if (component.hasNonNull("key")) {
        fields.put(component.get("key").asText(), component);
      }
    }
    return fields;
  }

  private static List<String> optionsOf(JsonNode select) {
    List<String> options = new java.util.ArrayList<>();
    select.path("values").forEach(v -> options.add(v.path("value").asText() + "=" + v.path("label").asText()));
    return options;
  }

  private static void assertField(JsonNode field, String type, String label) {
    assertThat(field.path("type").asText()).as(label).isEqualTo(type);
    assertThat(field.path("label").asText()).isEqualTo(label);
  }

  @Test
  void shouldRefuseAFormKeyWithATypoNamingTheKeyTheFormAndTheLikelyKey() throws IOException {
    String form = Files.readString(Path.of("processes/forms/form-stage-discover.form"))
        .replace("\"key\": \"budgetStatus\"", "\"key\": \"budget.stauts\"");

    assertThat(StageFormKeys.problemOf("form-stage-discover.form", form.getBytes()))
        .hasValueSatisfying(problem -> assertThat(problem)
            .contains("form-stage-discover.form").contains("id form-stage-discover")
            .contains("[budget.stauts (budgetStatus?)]").contains("would be lost"));
  }

  @Test
  void shouldRefuseAnUnknownKeyInsideAGroupWithoutGuessingWhenNothingIsClose() {
    String form = """
        {"id": "form-x", "type": "default", "components": [
          {"type": "group", "components": [{"type": "textfield", "key": "favouriteColour"}]}]}""";

    assertThat(StageFormKeys.problemOf("form-x.form", form.getBytes()))
        .hasValueSatisfying(problem -> assertThat(problem).contains("[favouriteColour]"));
  }

  @Test
  void shouldRefuseAFormThatIsNotJson() {
    assertThat(StageFormKeys.problemOf("broken.form", "{\"components\": [".getBytes())).hasValueSatisfying(
        problem -> assertThat(problem).contains("broken.form").contains("not valid JSON"));
  }
}

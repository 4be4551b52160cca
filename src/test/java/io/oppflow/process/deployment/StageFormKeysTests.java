package io.oppflow.process.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
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

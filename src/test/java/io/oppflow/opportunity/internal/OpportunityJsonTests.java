package io.oppflow.opportunity.internal;

import io.oppflow.opportunity.NewOpportunity;
import io.oppflow.opportunity.OpportunityFacts;
import io.oppflow.shared.FieldError;
import io.oppflow.shared.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The field named in every refusal of an opportunity's JSON, without a server: what the body's types allow
 * ({@link OpportunityJson}) and what the facts' constraints allow (the same bean validation the service runs).
 * {@code OpportunityApiTests} checks that the API answers both with a 400 naming the field.
 */
class OpportunityJsonTests {

  private static final ObjectMapper MAPPER = Jackson2ObjectMapperBuilder.json().build();
  private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
  private static final Validator VALIDATOR = VALIDATION.getValidator();

  private final OpportunityJson json = new OpportunityJson(MAPPER);

  @AfterAll
  static void close() {
    VALIDATION.close();
  }

  private static JsonNode body(String text) throws Exception {
    return MAPPER.readTree(text);
  }

  @ParameterizedTest(name = "{0} → refused naming {1}")
  @CsvSource(delimiter = '|', value = {
      "unknown customer type        | customerType        | {\"name\": \"N\", \"customer\": {\"name\": \"A\"}, \"customerType\": \"FOO\"}",
      "amount that is not a number  | amount              | {\"name\": \"N\", \"customer\": {\"name\": \"A\"}, \"amount\": \"lots\"}",
      "unknown field                | colour              | {\"name\": \"N\", \"customer\": {\"name\": \"A\"}, \"colour\": \"red\"}",
      "unknown nested field         | customer.colour     | {\"name\": \"N\", \"customer\": {\"name\": \"A\", \"colour\": \"red\"}}",
      "stage is not the client's    | stage               | {\"name\": \"N\", \"customer\": {\"name\": \"A\"}, \"stage\": \"CLOSE\"}",
      "bad date                     | expectedCloseDate   | {\"name\": \"N\", \"customer\": {\"name\": \"A\"}, \"expectedCloseDate\": \"31/03/2027\"}",
      "code that is not a string    | code                | {\"name\": \"N\", \"customer\": {\"name\": \"A\"}, \"code\": 42}",
      "a body that is no object     | $                   | [1, 2]"})
  void shouldRefuseABodyOfTheWrongShapeNamingTheField(String why, String field, String text) throws Exception {
    JsonNode body = body(text);
    assertThatThrownBy(() -> json.readNew(body)).isInstanceOfSatisfying(InvalidRequestException.class,
        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly(field));
  }

  @ParameterizedTest(name = "{0} → refused naming {1}")
  @CsvSource(delimiter = '|', value = {
      "missing name                 | name                | {\"customer\": {\"name\": \"A\"}}",
      "missing customer name        | customer.name       | {\"name\": \"N\", \"customer\": {}}",
      "negative headcount           | customer.headcount  | {\"name\": \"N\", \"customer\": {\"name\": \"A\", \"headcount\": -5}}",
      "negative amount              | amount              | {\"name\": \"N\", \"customer\": {\"name\": \"A\"}, \"amount\": -1}",
      "currency that is no ISO code | currency            | {\"name\": \"N\", \"customer\": {\"name\": \"A\"}, \"currency\": \"yuan\"}",
      "competitor without a name    | competitors[0].name | {\"name\": \"N\", \"customer\": {\"name\": \"A\"}, \"competitors\": [{\"status\": \"ACTIVE\"}]}"})
  void shouldRefuseFactsOutsideTheirConstraintsNamingTheField(String why, String field, String text) throws Exception {
    OpportunityFacts facts = json.readNew(body(text)).facts();

    List<String> fields = VALIDATOR.validate(facts).stream().map(ConstraintViolation::getPropertyPath)
        .map(Object::toString).toList();

    assertThat(fields).containsExactly(field);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "the least a rep gives | {\"name\": \"N\", \"customer\": {\"name\": \"A\"}}",
      "with opening fields   | {\"code\": \"OPP-1\", \"process\": \"project-sales-funnel\", \"owner\": \"rep1\", \"orgUnit\": \"HQ/East\", \"name\": \"N\", \"customer\": {\"name\": \"A\"}, \"amount\": 1200000, \"currency\": \"CNY\"}"})
  void shouldAcceptAWellFormedBody(String why, String text) throws Exception {
    NewOpportunity opened = json.readNew(body(text));

    assertThat(opened.facts().name()).isEqualTo("N");
    assertThat(VALIDATOR.validate(opened.facts())).isEmpty();
  }
}

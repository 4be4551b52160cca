package io.oppflow.problem;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.oppflow.shared.ConflictException;
import io.oppflow.shared.InvalidRequestException;
import io.oppflow.shared.NotFoundException;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngineException;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * How every refusal is answered, on a web slice with a fixture controller (no engine, no rules, no sign-in):
 * a module's refusal with its own status and fields, the same refusal wrapped by an engine command, a lost
 * race, malformed bodies and parameters — always RFC 7807 problem details without class names.
 */
@WebMvcTest(controllers = ProblemDetailsSliceTests.Fixture.class,
    excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.oppflow\\.security\\..*"))
@AutoConfigureMockMvc(addFilters = false)
@Import(ProblemDetailsSliceTests.Fixture.class)
class ProblemDetailsSliceTests {

  private static final Pattern CLASS_NAME = Pattern.compile("\\b(java|jakarta|org|com|io)\\.[a-z]+\\.[A-Za-z.]+");

  @Autowired MockMvc mvc;

  @RestController
  static class Fixture {
    record Order(String customer, LocalDate due) {}

    @GetMapping("/fixture/invalid")
    void invalid() {
      throw InvalidRequestException.of("amount", "must be positive");
    }

    @GetMapping("/fixture/wrapped")
    void wrapped() {
      throw new ProcessEngineException("ENGINE-03051 io.oppflow.Something failed",
          new ProcessEngineException("in a listener", InvalidRequestException.of("reason", "required when losing")));
    }

    @GetMapping("/fixture/missing")
    void missing() {
      throw new NotFoundException("Not found", "No opportunity OPP-1");
    }

    @GetMapping("/fixture/conflict")
    void conflict() {
      throw new ConflictException("Changed by someone else");
    }

    @GetMapping("/fixture/locked")
    void locked() {
      throw new CannotAcquireLockException("could not obtain lock on row in relation \"opportunity\"");
    }

    @GetMapping("/fixture/bug")
    void bug() {
      throw new IllegalStateException("io.oppflow.secret.Internal broke at line 42");
    }

    @GetMapping("/fixture/typed")
    void typed(@RequestParam LocalDate from) {}

    @PostMapping("/fixture/orders")
    void order(@RequestBody Order order) {}
  }

  @Test
  void shouldAnswerAModuleRefusalWithItsOwnStatusAndTheFieldAtFault() throws Exception {
    clean(mvc.perform(get("/fixture/invalid")), 400)
        .andExpect(jsonPath("$.errors[0].field").value("amount"))
        .andExpect(jsonPath("$.errors[0].message").value("must be positive"));
  }

  @Test
  void shouldAnswerARefusalWrappedByTheEngineAsIfUnwrapped() throws Exception {
    clean(mvc.perform(get("/fixture/wrapped")), 400)
        .andExpect(jsonPath("$.errors[0].field").value("reason"))
        .andExpect(jsonPath("$.detail").value(Matchers.not(Matchers.containsString("ENGINE-"))));
  }

  @Test
  void shouldAnswerNotFoundAndConflictWithTheirStatus() throws Exception {
    clean(mvc.perform(get("/fixture/missing")), 404).andExpect(jsonPath("$.detail").value("No opportunity OPP-1"));
    clean(mvc.perform(get("/fixture/conflict")), 409).andExpect(jsonPath("$.title").value("Conflict"));
  }

  @Test
  void shouldAnswerALostRaceForARowWith409AndNoSql() throws Exception {
    clean(mvc.perform(get("/fixture/locked")), 409)
        .andExpect(content().string(Matchers.not(Matchers.containsString("relation"))));
  }

  @Test
  void shouldAnswerAnUnexpectedFailureWith500WithoutItsMessage() throws Exception {
    clean(mvc.perform(get("/fixture/bug")), 500)
        .andExpect(content().string(Matchers.not(Matchers.containsString("line 42"))));
  }

  @Test
  void shouldNameTheParameterOrFieldAMalformedRequestGotWrong() throws Exception {
    clean(mvc.perform(get("/fixture/typed").param("from", "yesterday")), 400)
        .andExpect(jsonPath("$.errors[0].field").value("from"));
    clean(mvc.perform(post("/fixture/orders").contentType(MediaType.APPLICATION_JSON)
        .content("{\"customer\": \"华为\", \"due\": \"soon\"}")), 400)
        .andExpect(jsonPath("$.errors[0].field").value("due"));
    clean(mvc.perform(post("/fixture/orders").contentType(MediaType.APPLICATION_JSON)
        .content("{\"customer\": \"华为\", \"colour\": \"red\"}")), 400)
        .andExpect(jsonPath("$.errors[0].field").value("colour"));
    clean(mvc.perform(post("/fixture/orders").contentType(MediaType.APPLICATION_JSON).content("{\"customer\": ")), 400);
  }

  @Test
  void shouldRefuseABodyOfAnotherMediaTypeWith415() throws Exception {
    clean(mvc.perform(post("/fixture/orders").contentType(MediaType.TEXT_PLAIN).content("customer=华为")), 415);
  }

  private static ResultActions clean(ResultActions result, int status) throws Exception {
    return result.andExpect(status().is(status))
        .andExpect(header().string("Content-Type", Matchers.startsWith("application/problem+json")))
        .andExpect(jsonPath("$.status").value(status))
        .andExpect(jsonPath("$.title").isNotEmpty())
        .andExpect(content().string(Matchers.not(Matchers.matchesPattern("(?s).*" + CLASS_NAME.pattern() + ".*"))))
        .andExpect(content().string(Matchers.not(Matchers.containsString("Exception"))));
  }
}

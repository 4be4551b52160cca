package io.oppflow.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** No door answers an unbounded list: the engine's query limit and our API's maximum page size. */
@H2ServiceTest
class QueryLimitsTests {

  @LocalServerPort int port;

  @Test
  void shouldRefuseAnEngineQueryForMoreThanTheLimit() {
    ApiClient ops = ApiClient.as(port, "ops1");
    ApiClient.Response huge = ops.get("/engine-rest/history/detail?maxResults=100000000");
    ClientErrorTests.assertClean(huge, 400);
    assertThat(huge.json().path("message").asText()).contains("Max results limit of 2000 exceeded");
    ClientErrorTests.assertClean(ops.get("/engine-rest/history/detail?maxResults=2001"), 400);
    assertThat(ops.get("/engine-rest/history/detail?maxResults=2000").status()).isEqualTo(200);
    var webapp = WebappSession.signIn(port, "ops1", "demo").get("/camunda/api/engine/engine/default/history/detail?maxResults=5000");
    ClientErrorTests.assertClean(new ApiClient.Response(webapp.statusCode(), webapp.body(), java.util.List.of(), ""), 400);
  }

  @Test
  void shouldAnswerAnEngineListWithoutMaxResultsWithOneBoundedPage() {
    ApiClient.Response r = ApiClient.as(port, "ops1").get("/engine-rest/history/detail");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().isArray()).isTrue();
    assertThat(r.json().size()).isLessThanOrEqualTo(2000);
    assertThat(ApiClient.as(port, "rep1").get("/engine-rest/process-definition?key=project-sales-funnel").body())
        .contains("project-sales-funnel");
  }

  @Test
  void shouldCutAPageOfOpportunitiesToFiveHundred() {
    ApiClient.Response r = ApiClient.as(port, "ops1").get("/api/opportunities?size=100000");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("page").path("size").asInt()).isEqualTo(500);
  }
}

package io.oppflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.oppflow.support.ApiClient;
import io.oppflow.support.TestPostgresConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** The production profile alone: no demo users, only the administrator whose password came from outside. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"oppflow.admin.user=chief", "oppflow.admin.password=" + PostgresProfileIT.PASSWORD,
        "spring.datasource.url=jdbc:postgresql://replaced-by-test-configuration/unused"})
@ActiveProfiles("postgres")
@Import(TestPostgresConfiguration.class)
class PostgresProfileIT {

  static final String PASSWORD = "prod-like-Secret-42";

  @LocalServerPort int port;

  @Test
  void shouldCreateNoDemoUsers() {
    assertThat(ApiClient.as(port, "chief", PASSWORD).get("/engine-rest/user?id=rep1").body()).isEqualTo("[]");
    assertThat(ApiClient.as(port, "chief", PASSWORD).get("/engine-rest/user?id=admin").body()).isEqualTo("[]");
  }

  @Test
  void shouldLetTheConfiguredAdministratorIn() {
    assertThat(ApiClient.as(port, "chief", PASSWORD).get("/engine-rest/group?id=camunda-admin").body()).contains("camunda-admin");
    assertThat(ApiClient.as(port, "chief", PASSWORD).get("/engine-rest/group?id=sales-rep").body()).contains("sales-rep");
  }

  @Test
  void shouldStillAnswerHealthAnonymouslyAndNothingElse() {
    assertThat(ApiClient.anonymous(port).get("/actuator/health").status()).isEqualTo(200);
    assertThat(ApiClient.anonymous(port).get("/api/opportunities").status()).isEqualTo(401);
  }
}

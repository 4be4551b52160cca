package io.oppflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Outside the demo the service refuses to start while the administrator's password is a default. */
class AdminPasswordGuardTests {

  @Configuration
  @EnableConfigurationProperties(AdminProperties.class)
  static class Admin {}

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(Admin.class)
      .withPropertyValues("oppflow.admin.require-strong-password=true");

  @ParameterizedTest(name = "refuses \"{0}\"")
  @ValueSource(strings = {"", "demo", "admin", "password", "ChangeMe", "short-pw1"})
  void shouldRefuseToStartWithADefaultOrShortAdminPassword(String password) {
    context.withPropertyValues("oppflow.admin.password=" + password).run(started -> {
      assertThat(started).hasFailed();
      assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("OPPFLOW_ADMIN_PASSWORD");
    });
  }

  @ParameterizedTest(name = "accepts \"{0}\"")
  @ValueSource(strings = {"correct-horse-battery", "Zq8!rT2#kLm9"})
  void shouldStartWithAStrongAdminPassword(String password) {
    context.withPropertyValues("oppflow.admin.password=" + password).run(started -> assertThat(started).hasNotFailed());
  }
}

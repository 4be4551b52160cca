package io.oppflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.oppflow.support.H2ServiceTest;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The access set-up runs at every start: a restart finds everything in place and writes no authorization again. */
@H2ServiceTest
class CamundaAccessSetupTests {

  @Autowired CamundaAccessSetup setup;
  @Autowired AuthorizationService authorizations;

  @Test
  void a_restart_rewrites_no_authorization_that_is_in_place() {
    Map<String, Integer> before = revisions();

    setup.run(null);

    assertThat(revisions()).isEqualTo(before);
    assertThat(before).isNotEmpty();
  }

  private Map<String, Integer> revisions() {
    return authorizations.createAuthorizationQuery().list().stream()
        .collect(Collectors.toMap(Authorization::getId, a -> ((AuthorizationEntity) a).getRevision()));
  }
}

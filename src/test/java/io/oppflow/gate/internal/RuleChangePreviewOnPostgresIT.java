package io.oppflow.gate.internal;

import io.oppflow.support.ApiClient;
import io.oppflow.support.PostgresServiceTest;

/** Rule-change impact preview on a real PostgreSQL with the production profile. */
@PostgresServiceTest
class RuleChangePreviewOnPostgresIT extends RuleChangePreviewContract {

  @Override
  ApiClient admin() {
    return ApiClient.as(port, "admin", PostgresServiceTest.ADMIN_PASSWORD);
  }
}

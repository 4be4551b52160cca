package io.oppflow.process.deployment;

import io.oppflow.support.PostgresServiceTest;

@PostgresServiceTest
class EngineMappingsOnPostgresIT extends EngineMappingsContract {

  @Override
  String databaseType() {
    return "postgres";
  }
}

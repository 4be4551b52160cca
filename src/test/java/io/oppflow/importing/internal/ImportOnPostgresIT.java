package io.oppflow.importing.internal;

import io.oppflow.support.PostgresServiceTest;

/** The CSV import on a real PostgreSQL, with the production profile. */
@PostgresServiceTest
class ImportOnPostgresIT extends ImportContract {

  @Override
  String adminPassword() {
    return PostgresServiceTest.ADMIN_PASSWORD;
  }
}

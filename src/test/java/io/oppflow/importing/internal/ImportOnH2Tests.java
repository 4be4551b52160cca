package io.oppflow.importing.internal;

import io.oppflow.support.H2ServiceTest;

/** The CSV import on the embedded default database. */
@H2ServiceTest
class ImportOnH2Tests extends ImportContract {

  @Override
  String adminPassword() {
    return "demo";
  }
}

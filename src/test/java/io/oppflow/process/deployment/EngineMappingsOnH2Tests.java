package io.oppflow.process.deployment;

import io.oppflow.support.H2ServiceTest;

@H2ServiceTest
class EngineMappingsOnH2Tests extends EngineMappingsContract {

  @Override
  String databaseType() {
    return "h2";
  }
}

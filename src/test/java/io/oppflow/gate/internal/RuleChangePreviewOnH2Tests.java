package io.oppflow.gate.internal;

import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;

/** Rule-change impact preview on the embedded default database. */
@H2ServiceTest
class RuleChangePreviewOnH2Tests extends RuleChangePreviewContract {

  @Override
  ApiClient admin() {
    return ApiClient.as(port, "admin", "demo");
  }
}

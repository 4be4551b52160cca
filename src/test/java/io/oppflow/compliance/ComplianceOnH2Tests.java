package io.oppflow.compliance;

import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;

/** The compliance audit on the embedded default database. H2 has no trigger: the hash chain alone shows a change. */
@H2ServiceTest
class ComplianceOnH2Tests extends ComplianceContract {

  @Override
  ApiClient admin() {
    return ApiClient.as(port, "admin", "demo");
  }

  @Override
  void tamper(long gateRecordId, String failuresJson) {
    jdbc.update("update gate_record set failures_json = ? where id = ?", failuresJson, gateRecordId);
  }
}

package io.oppflow.compliance;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oppflow.support.ApiClient;
import io.oppflow.support.PostgresServiceTest;
import org.junit.jupiter.api.Test;

/**
 * The compliance audit on a real PostgreSQL with the production profile, where a trigger refuses every
 * change to a gate record: only a superuser who disables it can change one, and verify then names it.
 */
@PostgresServiceTest
class ComplianceOnPostgresIT extends ComplianceContract {

  @Override
  ApiClient admin() {
    return ApiClient.as(port, "admin", PostgresServiceTest.ADMIN_PASSWORD);
  }

  @Override
  void tamper(long gateRecordId, String failuresJson) {
    jdbc.execute("alter table gate_record disable trigger gate_record_no_update_delete");
    try {
      jdbc.update("update gate_record set failures_json = ? where id = ?", failuresJson, gateRecordId);
    } finally {
      jdbc.execute("alter table gate_record enable trigger gate_record_no_update_delete");
    }
  }

  @Test
  void shouldRefuseToUpdateDeleteOrTruncateAGateRecord() {
    long id = jdbc.queryForObject("select max(id) from gate_record", Long.class);
    assertThatThrownBy(() -> jdbc.update("update gate_record set verdict = 'PASSED' where id = ?", id))
        .hasMessageContaining("gate_record is append-only: UPDATE refused");
    assertThatThrownBy(() -> jdbc.update("delete from gate_record where id = ?", id))
        .hasMessageContaining("gate_record is append-only: DELETE refused");
    assertThatThrownBy(() -> jdbc.execute("truncate gate_record cascade"))
        .hasMessageContaining("append-only: TRUNCATE refused");
  }

  @Test
  void shouldLetTheChainHeadOnlyMoveForward() {
    assertThatThrownBy(() -> jdbc.update("update gate_log_head set last_seq = last_seq - 1"))
        .hasMessageContaining("gate_log_head only moves forward");
    assertThatThrownBy(() -> jdbc.update("delete from gate_log_head"))
        .hasMessageContaining("gate_log_head only moves forward");
  }
}

package io.oppflow.progression.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.oppflow.export.Table;
import io.oppflow.gate.GateExceptionView;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;

/** The gate exceptions asked for an opportunity as a flat table for CSV and XLSX, oldest first. */
final class GateExceptionTables {

  private GateExceptionTables() {}

  static Table of(String code, List<GateExceptionView> exceptions) {
    return new Table("exceptions-" + code, List.of("id", "opportunityCode", "processInstanceId", "stage", "status",
        "failedCriteria", "failedGateRecordId", "requestedBy", "requestedAt", "requestReason", "decidedBy", "decidedAt",
        "decisionReason", "overriddenGateRecordId"),
        exceptions.stream().map(e -> Arrays.<Object>asList(e.id(), e.opportunityCode(), e.processInstanceId(),
            e.stage(), e.status(), codes(e.failures()), e.failedGateRecordId(), e.requestedBy(), e.requestedAt(),
            e.requestReason(), e.decidedBy(), e.decidedAt(), e.decisionReason(), e.overriddenGateRecordId())).toList());
  }

  private static String codes(JsonNode criteria) {
    return criteria == null || !criteria.isArray() ? ""
        : String.join("; ", StreamSupport.stream(criteria.spliterator(), false).map(c -> c.path("code").asText()).toList());
  }
}

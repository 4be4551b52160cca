package io.oppflow.gate.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.oppflow.export.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;

/** An opportunity's gate records and the rule sets on record as flat tables for CSV and XLSX. */
final class GateTables {

  private GateTables() {}

  /** One row per gate record, as GET /api/opportunities/{code}/gate-records lists them; criteria by code. */
  static Table records(String code, List<GateRecordView> records) {
    return new Table("gate-records-" + code, List.of("id", "opportunityCode", "process", "processInstanceId", "stage",
        "verdict", "blockingFailures", "warnings", "rulesVersion", "requestedBy", "evaluatedAt", "approvedBy",
        "overrideReason", "exceptionId", "seq", "hash"),
        records.stream().map(r -> Arrays.<Object>asList(r.id(), r.opportunityCode(), r.process(), r.processInstanceId(),
            r.stage(), r.verdict(), codes(r.failures(), true), join(codes(r.failures(), false), codes(r.warnings(), null)),
            r.rulesVersion(), r.requestedBy(), r.evaluatedAt(), r.approvedBy(), r.overrideReason(), r.exceptionId(),
            r.seq(), r.hash())).toList());
  }

  /** One row per rule-set version, as GET /api/rules lists them. */
  static Table versions(List<RuleSetVersionView> versions) {
    return new Table("rule-set-versions", List.of("version", "active", "source", "createdBy", "createdAt", "fileCount",
        "files", "selfTestCases", "activations", "lastActivatedBy", "lastActivatedAt"),
        versions.stream().map(v -> {
          RuleSetVersionView.Activation last = v.activations().isEmpty() ? null
              : v.activations().get(v.activations().size() - 1);
          return Arrays.<Object>asList(v.version(), v.active(), v.source(), v.createdBy(), v.createdAt(),
              v.files().size(), String.join("; ", v.files()), v.selfTestCases(), v.activations().size(),
              last == null ? null : last.by(), last == null ? null : last.at());
        }).toList());
  }

  /** The audit trail of rule changes, newest first as GET /api/rules has it. */
  static Table events(List<RuleSetVersionView.Event> events) {
    return new Table("rule-set-events", List.of("at", "kind", "version", "by", "detail"),
        events.stream().map(e -> Arrays.<Object>asList(e.at(), e.kind(), e.version(), e.by(), e.detail())).toList());
  }

  /** The codes of the criteria in {@code list}: the blocking ones, the others, or (null) all. */
  private static String codes(JsonNode list, Boolean blocking) {
    if (list == null || !list.isArray()) {
      return "";
    }
    return String.join("; ", StreamSupport.stream(list.spliterator(), false)
        .filter(c -> blocking == null || c.path("blocking").asBoolean(true) == blocking)
        .map(c -> c.path("code").asText()).toList());
  }

  private static String join(String... parts) {
    List<String> present = new ArrayList<>();
    for (String p : parts) {
      if (!p.isEmpty()) {
        present.add(p);
      }
    }
    return String.join("; ", present);
  }
}

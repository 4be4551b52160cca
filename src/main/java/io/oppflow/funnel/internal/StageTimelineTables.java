package io.oppflow.funnel.internal;

import io.oppflow.export.Table;
import io.oppflow.funnel.StageVisit;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** An opportunity's stage timeline as a flat table for CSV and XLSX: one row per stage visit, oldest first. */
final class StageTimelineTables {

  private StageTimelineTables() {}

  static Table of(String code, List<StageVisit> visits) {
    return new Table("stages-" + code, List.of("id", "process", "processInstanceId", "stage", "order", "stageNameZh",
        "stageNameEn", "enteredAt", "leftAt", "entry", "how", "outcome", "by", "requestedBy", "gateRecordId",
        "exceptionId", "gateRecordIds", "source", "owner", "orgUnit", "reassignedTo"),
        visits.stream().map(v -> Arrays.<Object>asList(v.id(), v.process(), v.processInstanceId(), v.stage(), v.order(),
            v.name() == null ? null : v.name().zh(), v.name() == null ? null : v.name().en(), v.enteredAt(),
            v.leftAt(), v.entry(), v.how(), v.outcome(), v.by(), v.requestedBy(), v.gateRecordId(), v.exceptionId(),
            v.gateRecordIds() == null ? "" : v.gateRecordIds().stream().map(String::valueOf)
                .collect(Collectors.joining("; ")), v.source(), v.owner(), v.orgUnit(),
            v.reassignments() == null ? "" : v.reassignments().stream().map(r -> r.toOwner() + " (" + r.toOrgUnit() + ")")
                .collect(Collectors.joining("; ")))).toList());
  }
}

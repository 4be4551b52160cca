package io.oppflow.warning.internal;

import io.oppflow.export.Table;
import io.oppflow.export.ExportRequest;
import io.oppflow.organization.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/warnings}: the early warnings (预警) the caller may see, as JSON, CSV or XLSX. */
@RestController
@Tag(name = "Warnings 预警")
public class WarningController {

  private static final List<String> COLUMNS = List.of("kind", "opportunity", "process", "stage", "stage_zh", "stage_en",
      "since", "at", "days_in_stage", "owner", "org_unit", "message_zh", "message_en", "task_id");

  private final WarningService warnings;

  WarningController(WarningService warnings) {
    this.warnings = warnings;
  }

  @GetMapping("/api/warnings")
  @Operation(summary = "Stalled, skipped-stage and reopened opportunities: reps their own, managers their unit's, "
      + "experts, sales-ops and admins all; ?format=csv|xlsx or Accept for a file")
  ResponseEntity<?> list(@RequestParam(required = false) String orgUnit, @RequestParam(required = false) String owner,
      @RequestParam(required = false) String kind,
      ExportRequest export, Actor actor) {
    List<Warning> found = warnings.warnings(WarningQuery.of(orgUnit, owner, kind), actor);
    return export.respond(Map.of("warnings", found, "count", found.size()), () -> table(found));
  }

  private static Table table(List<Warning> found) {
    List<List<Object>> rows = new ArrayList<>();
    for (Warning w : found) {
      rows.add(Arrays.asList(w.kind().name(), w.opportunity(), w.process(), w.stage(), w.stageName().zh(),
          w.stageName().en(), w.since().toString(), w.at().toString(), w.daysInStage(), w.owner(), w.orgUnit(),
          w.message().zh(), w.message().en(), w.taskId()));
    }
    return new Table("warnings", COLUMNS, rows);
  }
}

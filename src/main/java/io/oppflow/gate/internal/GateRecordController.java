package io.oppflow.gate.internal;

import io.oppflow.export.ExportRequest;
import io.oppflow.gate.StageGateService;
import io.oppflow.opportunity.OpportunityService;
import io.oppflow.organization.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Stage gates 阶段关卡")
public class GateRecordController {

  private final StageGateService gates;
  private final OpportunityService opportunities;

  GateRecordController(StageGateService gates, OpportunityService opportunities) {
    this.gates = gates;
    this.opportunities = opportunities;
  }

  @GetMapping("/api/opportunities/{code}/gate-records")
  @Operation(summary = "Every gate evaluation of an opportunity, oldest first; CSV/XLSX")
  ResponseEntity<?> records(@PathVariable String code, ExportRequest export, Actor actor) {
    opportunities.readableBy(code, actor);
    List<GateRecordView> records = gates.history(code);
    return export.respond(records, () -> GateTables.records(code, records));
  }
}

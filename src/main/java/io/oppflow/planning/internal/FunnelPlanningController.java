package io.oppflow.planning.internal;

import io.oppflow.funnel.OwnerAt;
import io.oppflow.shared.InvalidRequestException;
import io.oppflow.export.ExportRequest;
import io.oppflow.organization.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Planning 漏斗计划")
public class FunnelPlanningController {

  private final FunnelPlanning planning;

  FunnelPlanningController(FunnelPlanning planning) {
    this.planning = planning;
  }

  @GetMapping("/api/funnel/compare")
  @Operation(summary = "Funnel comparison (漏斗比较): actual vs ideal conversion per stage, and the weakest stage; the unit's stage entries by the org unit at each entry (ownerAt=entry, default) or now (ownerAt=current)")
  ResponseEntity<?> compare(@RequestParam String orgUnit, @RequestParam String period,
      @RequestParam(required = false) String process,
      @RequestParam(required = false) String ownerAt,
      ExportRequest export, Actor actor) {
    FunnelComparison c = planning.compare(orgUnit, period, process, OwnerAt.parse(ownerAt), actor);
    return export.respond(c, () -> PlanningTables.of(c));
  }

  @GetMapping("/api/funnel/targets")
  @Operation(summary = "Funnel calculation (漏斗计算): opportunities needed per stage for a revenue target, overall and per rep; basis=measured learns from the unit's stage entries by the org unit at each entry (ownerAt=entry, default) or now (ownerAt=current)")
  ResponseEntity<?> targets(@RequestParam String orgUnit, @RequestParam String period,
      @RequestParam(required = false) BigDecimal revenue, @RequestParam(required = false, defaultValue = "ideal") String basis,
      @RequestParam(required = false) String process,
      @RequestParam(required = false) String ownerAt,
      ExportRequest export, Actor actor) {
    FunnelTargets t = planning.targets(orgUnit, period, revenue, basis(basis), process, OwnerAt.parse(ownerAt), actor);
    return export.respond(t, () -> PlanningTables.of(t));
  }

  private static FunnelPlanning.Basis basis(String basis) {
    try {
      return FunnelPlanning.Basis.valueOf(basis.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw InvalidRequestException.of("basis", "须为 ideal（理想漏斗）或 measured（上一期实际） / must be ideal or measured");
    }
  }
}

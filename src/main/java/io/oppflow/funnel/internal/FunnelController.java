package io.oppflow.funnel.internal;

import io.oppflow.funnel.FunnelFilter;
import io.oppflow.funnel.FunnelGrouping;
import io.oppflow.funnel.FunnelReport;
import io.oppflow.funnel.FunnelService;
import io.oppflow.organization.OrgUnit;
import io.oppflow.shared.InvalidRequestException;
import io.oppflow.export.ExportRequest;
import io.oppflow.opportunity.CustomerType;
import io.oppflow.opportunity.ProjectType;
import io.oppflow.organization.Actor;
import io.oppflow.organization.OrgUnitDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Funnel 销售漏斗")
public class FunnelController {

  private final FunnelService funnel;

  FunnelController(FunnelService funnel) {
    this.funnel = funnel;
  }

  @GetMapping("/api/funnel")
  @Operation(summary = "Funnel metrics from the process history, filtered and sliced (docs/metrics.md); CSV/XLSX with format= or Accept")
  ResponseEntity<?> funnel(
      @RequestParam(required = false) String process,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String owner,
      @RequestParam(required = false) String orgUnit,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) ProjectType projectType,
      @RequestParam(required = false) CustomerType customerType,
      @RequestParam(required = false) String groupBy,
      ExportRequest export,
      Actor actor) {
    if (from != null && to != null && !from.isBefore(to)) {
      throw InvalidRequestException.of("to", "must be after from");
    }
    if (orgUnit != null && !OrgUnit.isValid(orgUnit)) {
      throw InvalidRequestException.of("orgUnit", "is not an org unit path such as HQ/East/Shanghai-1");
    }
    FunnelGrouping grouping = FunnelGrouping.parse(groupBy);
    FunnelFilter filter = new FunnelFilter(process, from, to, owner, orgUnit, region,
        projectType == null ? null : projectType.name(), customerType == null ? null : customerType.name());
    FunnelReport report = funnel.funnel(filter, grouping, actor);
    return export.respond(report, () -> FunnelTables.of(report));
  }
}

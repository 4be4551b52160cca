package io.oppflow.funnel.internal;

import io.oppflow.funnel.FunnelEntries;
import io.oppflow.funnel.FunnelFigure;
import io.oppflow.funnel.FunnelFilter;
import io.oppflow.funnel.FunnelOutcomes;
import io.oppflow.funnel.FunnelGrouping;
import io.oppflow.funnel.FunnelReport;
import io.oppflow.funnel.FunnelService;
import io.oppflow.funnel.OwnerAt;
import io.oppflow.organization.OrgUnit;
import io.oppflow.shared.InvalidRequestException;
import io.oppflow.export.ExportRequest;
import io.oppflow.opportunity.CustomerType;
import io.oppflow.opportunity.ProjectType;
import io.oppflow.organization.Actor;
import io.oppflow.organization.OrgUnitDirectory;
import io.oppflow.shared.Refusals;
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

  /** The most entries one page (or one export) lists. */
  private static final int MAX_ENTRIES = 10_000;

  private final FunnelService funnel;

  FunnelController(FunnelService funnel) {
    this.funnel = funnel;
  }

  @GetMapping("/api/funnel")
  @Operation(summary = "Funnel metrics from the process history, filtered and sliced (docs/metrics.md); owner and orgUnit at each stage entry (ownerAt=entry, default) or now (ownerAt=current); CSV/XLSX with format= or Accept")
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
      @RequestParam(required = false) String ownerAt,
      ExportRequest export,
      Actor actor) {
    FunnelFilter filter = filter(process, from, to, owner, orgUnit, region, projectType, customerType)
        .withOwnerAt(OwnerAt.parse(ownerAt));
    FunnelGrouping grouping = FunnelGrouping.parse(groupBy);
    FunnelReport report = funnel.funnel(filter, grouping, actor);
    return export.respond(report, () -> FunnelTables.of(report));
  }

  @GetMapping("/api/funnel/entries")
  @Operation(summary = "The stage entries behind one figure of GET /api/funnel (entered, advanced, lost, open of a stage), same filters; CSV/XLSX with format=")
  ResponseEntity<?> entries(
      @RequestParam String stage,
      @RequestParam(defaultValue = "entered") String figure,
      @RequestParam(required = false) String process,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String owner,
      @RequestParam(required = false) String orgUnit,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) ProjectType projectType,
      @RequestParam(required = false) CustomerType customerType,
      @RequestParam(required = false) String groupBy,
      @RequestParam(required = false) String group,
      @RequestParam(required = false) String ownerAt,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "100") int size,
      ExportRequest export,
      Actor actor) {
    checkPage(page, size);
    FunnelFilter filter = filter(process, from, to, owner, orgUnit, region, projectType, customerType)
        .withOwnerAt(OwnerAt.parse(ownerAt));
    FunnelEntries entries = funnel.entries(filter, FunnelGrouping.parse(groupBy), group, stage, FunnelFigure.parse(figure),
        page, export.isTable() ? MAX_ENTRIES : size, actor);
    return export.respond(entries, () -> FunnelTables.of(entries));
  }

  @GetMapping("/api/funnel/outcomes")
  @Operation(summary = "The opportunities behind the won, lost or open total of GET /api/funnel (status=WON|LOST|OPEN), same filters and slice; CSV/XLSX with format=")
  ResponseEntity<?> outcomes(
      @RequestParam String status,
      @RequestParam(required = false) String process,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String owner,
      @RequestParam(required = false) String orgUnit,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) ProjectType projectType,
      @RequestParam(required = false) CustomerType customerType,
      @RequestParam(required = false) String groupBy,
      @RequestParam(required = false) String group,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "100") int size,
      ExportRequest export,
      Actor actor) {
    checkPage(page, size);
    FunnelFilter filter = filter(process, from, to, owner, orgUnit, region, projectType, customerType);
    FunnelOutcomes outcomes = funnel.outcomes(filter, FunnelGrouping.parse(groupBy), group, status,
        page, export.isTable() ? MAX_ENTRIES : size, actor);
    return export.respond(outcomes, () -> FunnelTables.of(outcomes));
  }

  private static void checkPage(int page, int size) {
    if (page < 0) {
      throw InvalidRequestException.of("page", "须为 0 或更大 / must be 0 or more");
    }
    if (size < 1 || size > MAX_ENTRIES) {
      throw InvalidRequestException.of("size", Refusals.between(1, MAX_ENTRIES));
    }
  }

  private static FunnelFilter filter(String process, LocalDate from, LocalDate to, String owner, String orgUnit,
      String region, ProjectType projectType, CustomerType customerType) {
    if (from != null && to != null && !from.isBefore(to)) {
      throw InvalidRequestException.of("to", Refusals.TO_AFTER_FROM);
    }
    return new FunnelFilter(process, from, to, owner, OrgUnit.checkedFilter(orgUnit), region,
        projectType == null ? null : projectType.name(), customerType == null ? null : customerType.name());
  }
}

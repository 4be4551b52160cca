package io.oppflow.compliance.internal;

import io.oppflow.funnel.OwnerAt;
import io.oppflow.compliance.ComplianceService;
import io.oppflow.export.ExportRequest;
import io.oppflow.gate.ChainVerification;
import io.oppflow.organization.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Compliance 合规审计")
public class ComplianceController {

  private final ComplianceService compliance;

  ComplianceController(ComplianceService compliance) {
    this.compliance = compliance;
  }

  @GetMapping("/api/audit/verify")
  @Operation(summary = "Recompute the gate log's hash chain (managers, sales-ops, admins)")
  ChainVerification verify(Actor actor) {
    return compliance.verify(actor);
  }

  @GetMapping("/api/compliance/violations")
  @Operation(summary = "Stage entries that no passed gate or approved exception allowed, with the engine's evidence; owner and orgUnit at the entry (ownerAt=entry, default) or now (ownerAt=current); CSV/XLSX")
  ResponseEntity<?> violations(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String orgUnit,
      @RequestParam(required = false) String ownerAt,
      ExportRequest export,
      Actor actor) {
    ViolationList list = compliance.violations(ComplianceScope.of(actor, orgUnit, from, to, OwnerAt.parse(ownerAt)));
    return export.respond(list, () -> ComplianceTables.of(list));
  }

  @GetMapping("/api/compliance/report")
  @Operation(summary = "Gate evaluations, pass rate, failures by criterion, exceptions and violations per owner, orgUnit or criterion; owner and orgUnit at each decision or entry (ownerAt=entry, default) or now (ownerAt=current); CSV/XLSX")
  ResponseEntity<?> report(
      @RequestParam(required = false) String groupBy,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String orgUnit,
      @RequestParam(required = false) String ownerAt,
      ExportRequest export,
      Actor actor) {
    ComplianceGrouping grouping = ComplianceGrouping.parse(groupBy);
    ComplianceReport report = compliance.report(ComplianceScope.of(actor, orgUnit, from, to, OwnerAt.parse(ownerAt)),
        grouping);
    return export.respond(report, () -> ComplianceTables.of(report));
  }

  @GetMapping("/api/compliance/exceptions")
  @Operation(summary = "Every approved exception with its failed criteria, requester, approver, reason and the opportunity's fate; owner and orgUnit at the decision (ownerAt=entry, default) or now (ownerAt=current); CSV/XLSX")
  ResponseEntity<?> exceptions(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String orgUnit,
      @RequestParam(required = false) String ownerAt,
      ExportRequest export,
      Actor actor) {
    ExceptionReview review = compliance.exceptions(ComplianceScope.of(actor, orgUnit, from, to, OwnerAt.parse(ownerAt)));
    return export.respond(review, () -> ComplianceTables.of(review));
  }
}

package io.oppflow.opportunity.internal;

import io.oppflow.export.ExportRequest;
import io.oppflow.export.Table;
import io.oppflow.opportunity.BulkReassignment;
import io.oppflow.opportunity.BulkReassignmentRequest;
import io.oppflow.opportunity.OpportunityReassignments;
import io.oppflow.opportunity.Reassignment;
import io.oppflow.opportunity.ReassignmentPermission;
import io.oppflow.opportunity.ReassignmentRequest;
import io.oppflow.organization.Actor;
import io.oppflow.shared.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Reassigning open opportunities to a new owner, one or all of an owner's, and the record of it. */
@RestController
@Tag(name = "Opportunities 商机")
class ReassignmentController {

  private final OpportunityReassignments reassignments;

  ReassignmentController(OpportunityReassignments reassignments) {
    this.reassignments = reassignments;
  }

  @PostMapping("/api/opportunities/{code}/reassign")
  @Operation(summary = "Give an open opportunity a new owner (and org unit) with a reason; its open tasks follow (managers of both units, sales-ops, admins)")
  Reassignment reassign(@PathVariable String code, @RequestBody(required = false) ReassignmentRequest request,
      Actor actor) {
    return reassignments.reassign(code, required(request), actor);
  }

  @GetMapping("/api/opportunities/{code}/reassign")
  @Operation(summary = "Whether the caller may reassign this open opportunity now (allowed) and to whom (candidates: userId, name, orgUnit, defaultOrgUnit; at most 200, candidatesTruncated beyond); a page offers its reassign form only then")
  ReassignmentPermission permission(@PathVariable String code, Actor actor) {
    return reassignments.permission(code, actor);
  }

  @PostMapping("/api/opportunities/reassign")
  @Operation(summary = "Give every open opportunity of fromOwner (optionally only those under orgUnit) to toOwner, all or none; answers how many moved and which")
  BulkReassignment reassignAll(@RequestBody(required = false) BulkReassignmentRequest request, Actor actor) {
    return reassignments.reassignAll(required(request), actor);
  }

  @GetMapping("/api/opportunities/{code}/reassignments")
  @Operation(summary = "The opportunity's reassignments (who, when, from, to, why), oldest first; CSV/XLSX")
  ResponseEntity<?> history(@PathVariable String code, ExportRequest export, Actor actor) {
    List<Reassignment> list = reassignments.of(code, actor);
    return export.respond(list, () -> new Table("reassignments-" + code, List.of("id", "fromOwner", "fromOrgUnit",
        "toOwner", "toOrgUnit", "reason", "reassignedBy", "reassignedAt", "batchId"),
        list.stream().map(r -> Arrays.<Object>asList(r.id(), r.fromOwner(), r.fromOrgUnit(), r.toOwner(), r.toOrgUnit(),
            r.reason(), r.reassignedBy(), r.reassignedAt(), r.batchId())).toList()));
  }

  private static <T> T required(T body) {
    if (body == null) {
      throw InvalidRequestException.of("body", "请求体须为 JSON 对象 / required: a JSON object");
    }
    return body;
  }
}

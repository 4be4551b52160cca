package io.oppflow.organization.internal;

import io.oppflow.organization.Actor;
import io.oppflow.organization.OrgUnit;
import io.oppflow.organization.OrgUnitDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Where each user sits in the organisation: read by anyone signed in, set by sales-ops and admins. */
@RestController
@Tag(name = "Organisation 组织")
public class OrgUnitController {

  /** The request body: the org unit path, e.g. HQ/East/Shanghai-1. */
  record Placement(String orgUnit) {}

  private final OrgUnitDirectory directory;

  OrgUnitController(OrgUnitDirectory directory) {
    this.directory = directory;
  }

  @GetMapping("/api/org-units/members/{userId}")
  @Operation(summary = "The org unit a user works in (rep) or manages (manager)")
  ResponseEntity<?> get(@PathVariable String userId, Actor actor) {
    return directory.orgUnitOf(userId)
        .<ResponseEntity<?>>map(unit -> ResponseEntity.ok(Map.of("userId", userId, "orgUnit", unit)))
        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
            .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, userId + " has no org unit")));
  }

  @PutMapping("/api/org-units/members/{userId}")
  @Operation(summary = "Place a user in an org unit (sales-ops, admin)")
  ResponseEntity<?> place(@PathVariable String userId, @RequestBody Placement placement, Actor actor) {
    if (!actor.seesEverything()) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN)
          .body(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Only sales-ops and administrators place users"));
    }
    String orgUnit = OrgUnit.checked(placement == null ? null : placement.orgUnit());
    directory.assign(userId, orgUnit);
    return ResponseEntity.ok(Map.of("userId", userId, "orgUnit", orgUnit));
  }
}

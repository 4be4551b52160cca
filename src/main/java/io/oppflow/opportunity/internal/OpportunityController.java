package io.oppflow.opportunity.internal;

import io.oppflow.opportunity.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.oppflow.export.ExportRequest;
import io.oppflow.export.Table;
import io.oppflow.organization.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/opportunities")
@Tag(name = "Opportunities 商机")
class OpportunityController {

  private final OpportunityService service;
  private final OpportunityJson json;

  OpportunityController(OpportunityService service, OpportunityJson json) {
    this.service = service;
    this.json = json;
  }

  @PostMapping
  @Operation(summary = "Open an opportunity and start its stage process; name `process` unless only one stage process is deployed (400 listing the choices, see GET /api/processes)")
  ResponseEntity<OpportunityView> open(@RequestBody JsonNode body, Actor actor) {
    OpportunityView o = service.open(json.readNew(body), actor);
    return ResponseEntity.created(URI.create("/api/opportunities/" + o.code())).eTag(etag(o)).body(o);
  }

  @GetMapping("/{code}")
  @Operation(summary = "Read an opportunity; its ETag is its version, for If-Match on PATCH")
  ResponseEntity<OpportunityView> get(@PathVariable String code, Actor actor) {
    OpportunityView o = service.get(code, actor);
    return ResponseEntity.ok().eTag(etag(o)).body(o);
  }

  @GetMapping
  @Operation(summary = "List the opportunities the caller may see, filtered and paged")
  PagedModel<OpportunityView> list(
      @RequestParam(required = false) String owner,
      @RequestParam(required = false) String stage,
      @RequestParam(required = false) OpportunityStatus status,
      @org.springdoc.core.annotations.ParameterObject @PageableDefault(size = 20, sort = "createdAt", direction = Sort.Direction.DESC) Pageable page,
      Actor actor) {
    return new PagedModel<>(service.list(new OpportunityFilter(owner, stage, status), page, actor));
  }

  @PatchMapping(value = "/{code}", consumes = {"application/merge-patch+json", "application/json"})
  @Operation(summary = "Change facts with a JSON merge patch; If-Match with the ETag refuses lost updates (409). "
      + "Read-only fields (code, process, owner, orgUnit, stage, status, version, activities ...) may be sent back "
      + "with their current values; a changed one is refused (400 naming it)")
  ResponseEntity<OpportunityView> patch(@PathVariable String code, @RequestBody JsonNode patch,
      @RequestHeader(name = "If-Match", required = false) String ifMatch, Actor actor) {
    OpportunityView o = service.update(code,
        current -> json.merge(current, () -> service.activities(code, actor), patch), versionOf(ifMatch), actor);
    return ResponseEntity.ok().eTag(etag(o)).body(o);
  }

  @PostMapping("/{code}/activities")
  @Operation(summary = "Log an activity (VISIT, CALL, MEETING, DEMO, PROPOSAL, OTHER): evidence that gates may require")
  ResponseEntity<ActivityView> logActivity(@PathVariable String code, @RequestBody NewActivity activity, Actor actor) {
    ActivityView logged = service.logActivity(code, activity, actor);
    return ResponseEntity.created(URI.create("/api/opportunities/" + code + "/activities/" + logged.id())).body(logged);
  }

  @GetMapping("/{code}/activities")
  @Operation(summary = "The activities logged for an opportunity, oldest first; CSV/XLSX")
  ResponseEntity<?> activities(@PathVariable String code, ExportRequest export, Actor actor) {
    List<ActivityView> activities = service.activities(code, actor);
    return export.respond(activities, () -> new Table("activities-" + code, List.of("id", "date", "type", "contact",
        "decisionMaker", "note", "stage", "recordedBy", "recordedAt"),
        activities.stream().map(a -> Arrays.<Object>asList(a.id(), a.date(), a.type(), a.contact(), a.decisionMaker(),
            a.note(), a.stage(), a.recordedBy(), a.recordedAt())).toList()));
  }

  private static String etag(OpportunityView o) {
    return "\"" + o.version() + "\"";
  }

  private static Long versionOf(String ifMatch) {
    return ChangePrecondition.versionOf(ifMatch);
  }

}

package io.oppflow.progression.internal;

import io.oppflow.progression.AdvanceResult;
import io.oppflow.progression.LossRequest;
import io.oppflow.progression.StageProgression;

import io.oppflow.export.ExportRequest;
import io.oppflow.gate.GateExceptionService;
import io.oppflow.gate.GateExceptionView;
import io.oppflow.opportunity.OpportunityService;
import io.oppflow.organization.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Gate exceptions 关卡例外")
class GateExceptionController {

  /** A reason, required for requests and for decisions. */
  record Reason(String reason) {}

  private final StageProgression progression;
  private final GateExceptionService exceptions;
  private final OpportunityService opportunities;

  GateExceptionController(StageProgression progression, GateExceptionService exceptions, OpportunityService opportunities) {
    this.progression = progression;
    this.exceptions = exceptions;
    this.opportunities = opportunities;
  }

  @PostMapping("/api/opportunities/{code}/exceptions")
  @Operation(summary = "Ask a manager of the opportunity's org unit to except the failed gate of its stage")
  ResponseEntity<GateExceptionView> request(@PathVariable String code, @RequestBody Reason body, Actor actor) {
    GateExceptionView requested = progression.requestException(code, body == null ? null : body.reason(), actor);
    return ResponseEntity.created(URI.create("/api/exceptions/" + requested.id())).body(requested);
  }

  @GetMapping("/api/opportunities/{code}/exceptions")
  @Operation(summary = "The gate exceptions asked for an opportunity, oldest first; CSV/XLSX")
  ResponseEntity<?> list(@PathVariable String code, ExportRequest export, Actor actor) {
    opportunities.readableBy(code, actor);
    List<GateExceptionView> asked = exceptions.of(code);
    return export.respond(asked, () -> GateExceptionTables.of(code, asked));
  }

  @GetMapping("/api/exceptions/{id}")
  @Operation(summary = "One gate exception with the failed criteria it asks to override")
  GateExceptionView get(@PathVariable long id, Actor actor) {
    GateExceptionView view = exceptions.get(id);
    opportunities.readableBy(view.opportunityCode(), actor);
    return view;
  }

  @PostMapping("/api/exceptions/{id}/approve")
  @Operation(summary = "Approve (manager of the opportunity's org unit; reason required): the stage advances, OVERRIDDEN is recorded")
  GateExceptionView approve(@PathVariable long id, @RequestBody Reason body, Actor actor) {
    return progression.decideException(id, true, body == null ? null : body.reason(), actor);
  }

  @PostMapping("/api/exceptions/{id}/reject")
  @Operation(summary = "Reject (manager of the opportunity's org unit; reason required): back to the rep")
  GateExceptionView reject(@PathVariable long id, @RequestBody Reason body, Actor actor) {
    return progression.decideException(id, false, body == null ? null : body.reason(), actor);
  }
}

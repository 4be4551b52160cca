package io.oppflow.progression.internal;

import io.oppflow.progression.AdvanceResult;
import io.oppflow.progression.LossRequest;
import io.oppflow.progression.StageProgression;

import io.oppflow.opportunity.ChangePrecondition;
import io.oppflow.opportunity.OpportunityView;
import io.oppflow.organization.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Opportunities 商机")
class StageProgressionController {

  private final StageProgression progression;

  StageProgressionController(StageProgression progression) {
    this.progression = progression;
  }

  @PostMapping("/api/opportunities/{code}/advance")
  @Operation(summary = "Ask the current stage's gate; PASSED moves the opportunity to the next stage. "
      + "If-Match (the ETag) or {\"expectedStage\"} make a duplicate request fail (412/409) instead of moving twice")
  ResponseEntity<AdvanceResult> advance(@PathVariable String code,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @RequestBody(required = false) AdvanceRequest request, Actor actor) {
    String expectedStage = request == null ? null : request.expectedStage();
    AdvanceResult result = progression.advance(code, ChangePrecondition.of(ifMatch, expectedStage), actor);
    return ResponseEntity.ok().eTag("\"" + result.version() + "\"").body(result);
  }

  @PostMapping("/api/opportunities/{code}/lose")
  @Operation(summary = "Mark the opportunity lost: reason CUSTOMER_STOPPED, COMPETITOR (name it) or OTHER (say why); "
      + "If-Match or expectedStage as for advance")
  ResponseEntity<OpportunityView> lose(@PathVariable String code,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @RequestBody LossRequest request, Actor actor) {
    OpportunityView lost = progression.lose(code, request,
        ChangePrecondition.of(ifMatch, request.expectedStage()), actor);
    return ResponseEntity.ok().eTag("\"" + lost.version() + "\"").body(lost);
  }
}

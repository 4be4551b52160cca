package io.oppflow.process;

import io.oppflow.opportunity.OpportunityView;
import io.oppflow.organization.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Opportunities 商机")
class StageProgressionController {

  private final StageProgression progression;

  StageProgressionController(StageProgression progression) {
    this.progression = progression;
  }

  @PostMapping("/api/opportunities/{code}/advance")
  @Operation(summary = "Ask the current stage's gate; PASSED moves the opportunity to the next stage")
  AdvanceResult advance(@PathVariable String code, Actor actor) {
    return progression.advance(code, actor);
  }

  @PostMapping("/api/opportunities/{code}/lose")
  @Operation(summary = "Mark the opportunity lost: reason CUSTOMER_STOPPED, COMPETITOR (name it) or OTHER (say why)")
  OpportunityView lose(@PathVariable String code, @RequestBody LossRequest request, Actor actor) {
    return progression.lose(code, request, actor);
  }
}

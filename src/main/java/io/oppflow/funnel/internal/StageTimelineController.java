package io.oppflow.funnel.internal;

import io.oppflow.export.ExportRequest;
import io.oppflow.funnel.StageTimeline;
import io.oppflow.funnel.StageVisit;
import io.oppflow.organization.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Funnel 销售漏斗")
class StageTimelineController {

  private final StageTimeline timeline;

  StageTimelineController(StageTimeline timeline) {
    this.timeline = timeline;
  }

  @GetMapping("/api/opportunities/{code}/stages")
  @Operation(summary = "The opportunity's stage timeline: every stage it was in, entered and left when and how (gate passed, exception, lost, moved), oldest first; CSV/XLSX")
  ResponseEntity<?> stages(@PathVariable String code, ExportRequest export, Actor actor) {
    List<StageVisit> visits = timeline.of(code, actor);
    return export.respond(visits, () -> StageTimelineTables.of(code, visits));
  }
}

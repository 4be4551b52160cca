package io.oppflow.funnel.internal;

import io.oppflow.funnel.ProcessDiagrams;
import io.oppflow.funnel.StageProcess;
import io.oppflow.funnel.StageProcesses;
import io.oppflow.organization.Actor;
import io.oppflow.shared.ForbiddenException;
import io.oppflow.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/processes}: the stage processes a funnel, forecast or plan can be read for; and the BPMN of
 * each, for the pages that draw it (managers may not read Camunda's REST API).
 */
@RestController
@Tag(name = "Funnel 销售漏斗")
public class StageProcessController {

  /**
   * @param suggestedProcess the process a page preselects for the caller (the one most of the opportunities
   *     they see run in); a suggestion only: a reading that names no process uses the only deployed one, or is
   *     refused when there are several
   */
  record StageProcessList(List<StageProcess> processes, String suggestedProcess) {}

  private final StageProcesses processes;
  private final ProcessDiagrams diagrams;

  StageProcessController(StageProcesses processes, ProcessDiagrams diagrams) {
    this.processes = processes;
    this.diagrams = diagrams;
  }

  @GetMapping("/api/processes")
  @Operation(summary = "The deployed stage processes (latest version of each) with their stages in order, "
      + "and the process a page should preselect for the caller (readings never default to it)")
  StageProcessList list(Actor actor) {
    requireSalesMember(actor);
    return new StageProcessList(processes.all(), processes.suggestedFor(actor));
  }

  // not produces = XML: a 404 is still a problem+json whatever the caller accepts
  @GetMapping("/api/processes/{key}/diagram")
  @Operation(summary = "The BPMN 2.0 XML (application/xml) of the latest deployed version of a stage process; "
      + "404 for any other key")
  ResponseEntity<String> diagram(@PathVariable String key, Actor actor) {
    requireSalesMember(actor);
    boolean stageProcess = processes.all().stream().anyMatch(p -> p.key().equals(key));
    String bpmn = diagrams.latestDiagram(key).filter(xml -> stageProcess).orElseThrow(() -> new NotFoundException(
        "Stage process not found", "No deployed stage process has the key '" + key + "'"));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(bpmn);
  }

  private static void requireSalesMember(Actor actor) {
    if (actor.roles().isEmpty()) {
      throw new ForbiddenException("只有销售组织的成员可以查看阶段流程 / Only members of the sales organisation read the stage processes");
    }
  }
}

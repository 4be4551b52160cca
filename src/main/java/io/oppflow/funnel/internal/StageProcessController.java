package io.oppflow.funnel.internal;

import io.oppflow.funnel.StageProcess;
import io.oppflow.funnel.StageProcesses;
import io.oppflow.organization.Actor;
import io.oppflow.shared.ForbiddenException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/processes}: the stage processes a funnel, forecast or plan can be read for. */
@RestController
@Tag(name = "Funnel 销售漏斗")
public class StageProcessController {

  /**
   * @param defaultProcess the process the caller's readings default to when they name none
   */
  record StageProcessList(List<StageProcess> processes, String defaultProcess) {}

  private final StageProcesses processes;

  StageProcessController(StageProcesses processes) {
    this.processes = processes;
  }

  @GetMapping("/api/processes")
  @Operation(summary = "The deployed stage processes (latest version of each) with their stages in order, "
      + "and the process the caller's readings default to")
  StageProcessList list(Actor actor) {
    if (actor.roles().isEmpty()) {
      throw new ForbiddenException("Only members of the sales organisation read the stage processes");
    }
    return new StageProcessList(processes.all(), processes.defaultFor(actor));
  }
}

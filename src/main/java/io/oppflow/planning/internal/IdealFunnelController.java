package io.oppflow.planning.internal;

import io.oppflow.shared.InvalidRequestException;
import io.oppflow.organization.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * /api/ideal-funnels/{orgUnit}/{period}: the org unit path keeps its plain slashes
 * (/api/ideal-funnels/HQ/East/2027-Q1); the last segment is the period.
 */
@RestController
@RequestMapping("/api/ideal-funnels")
@Tag(name = "Planning 漏斗计划")
public class IdealFunnelController {

  private final IdealFunnelService ideals;

  IdealFunnelController(IdealFunnelService ideals) {
    this.ideals = ideals;
  }

  @PutMapping("/{*unitAndPeriod}")
  @Operation(summary = "Plan the ideal funnel of an org unit for a period, e.g. PUT /api/ideal-funnels/HQ/East/2027-Q1")
  IdealFunnel plan(@PathVariable String unitAndPeriod, @RequestBody IdealFunnelRequest request, Actor actor) {
    String[] p = split(unitAndPeriod);
    return ideals.plan(p[0], p[1], request, actor);
  }

  @GetMapping("/{*unitAndPeriod}")
  @Operation(summary = "The ideal funnel of an org unit for a period (404 if none)")
  ResponseEntity<IdealFunnel> get(@PathVariable String unitAndPeriod,
      @RequestParam(required = false) String process, Actor actor) {
    String[] p = split(unitAndPeriod);
    return ResponseEntity.of(ideals.find(p[0], p[1], process, actor));
  }

  /** "/HQ/East/2027-Q1" → ["HQ/East", "2027-Q1"]. */
  private static String[] split(String unitAndPeriod) {
    String path = unitAndPeriod.startsWith("/") ? unitAndPeriod.substring(1) : unitAndPeriod;
    int last = path.lastIndexOf('/');
    if (last <= 0) {
      throw InvalidRequestException.of("path", "须为 /api/ideal-funnels/{orgUnit}/{period}，如 /api/ideal-funnels/HQ/East/2027-Q1 / "
          + "must be /api/ideal-funnels/{orgUnit}/{period}, e.g. /api/ideal-funnels/HQ/East/2027-Q1");
    }
    return new String[] {path.substring(0, last), path.substring(last + 1)};
  }
}

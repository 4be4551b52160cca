package io.oppflow.planning.internal;

import io.oppflow.organization.OrgUnit;
import io.oppflow.shared.FieldError;
import io.oppflow.shared.ForbiddenException;
import io.oppflow.shared.Refusals;
import io.oppflow.shared.InvalidRequestException;
import io.oppflow.funnel.FunnelScope;
import io.oppflow.funnel.FunnelService;
import io.oppflow.funnel.StageDefinition;
import io.oppflow.funnel.StageProcesses;
import io.oppflow.organization.Actor;
import io.oppflow.organization.OrgUnitDirectory;
import io.oppflow.organization.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Plans (PUT) and reads ideal funnels: managers of the org unit or above, sales-ops and administrators plan. */
@Service
public class IdealFunnelService {

  private final IdealFunnelStore store;
  private final FunnelService funnel;
  private final StageProcesses processes;
  private final Clock clock;

  IdealFunnelService(IdealFunnelStore store, FunnelService funnel, StageProcesses processes) {
    this.store = store;
    this.funnel = funnel;
    this.processes = processes;
    this.clock = Clock.systemUTC();
  }

  @Transactional
  public IdealFunnel plan(String path, String period, IdealFunnelRequest request, Actor actor) {
    String orgUnit = OrgUnit.checked(path);
    Period.parse(period, "period");
    requirePlanner(orgUnit, actor);
    String process = processes.resolve(request.process(), orgUnit, null);
    List<StageDefinition> stages = funnel.stagesOf(process);
    List<FieldError> errors = new ArrayList<>();
    positive(errors, "targetRevenue", request.targetRevenue());
    positive(errors, "averageDealSize", request.averageDealSize());
    List<IdealFunnel.StageTarget> targets = stageTargets(request, stages, errors);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    IdealFunnel ideal = new IdealFunnel(orgUnit, period, process, targets, request.targetRevenue(),
        request.averageDealSize(), actor.userId(), clock.instant());
    store.save(ideal);
    return ideal;
  }

  @Transactional(readOnly = true)
  public java.util.Optional<IdealFunnel> find(String path, String period, String process, Actor actor) {
    String orgUnit = OrgUnit.checked(path);
    Period.parse(period, "period");
    FunnelScope.requireOrgUnit(orgUnit, actor);
    return store.find(orgUnit, period, processes.resolve(process, orgUnit, null));
  }

  /** Every stage of the process exactly once, in stage order, each with a conversion in (0, 1]. */
  private static List<IdealFunnel.StageTarget> stageTargets(IdealFunnelRequest request, List<StageDefinition> stages,
      List<FieldError> errors) {
    if (request.stages() == null || request.stages().isEmpty()) {
      errors.add(new FieldError("stages", "须为每个阶段列出理想升迁率 / must list a target conversion for every stage"));
      return List.of();
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < request.stages().size(); i++) {
      IdealFunnelRequest.StageTarget t = request.stages().get(i);
      String field = "stages[" + i + "]";
      if (t == null || t.stage() == null || stages.stream().noneMatch(s -> s.code().equals(t.stage()))) {
        errors.add(new FieldError(field + ".stage", "不是该流程的阶段 / is not a stage of the process"));
      } else if (!seen.add(t.stage())) {
        errors.add(new FieldError(field + ".stage", "重复列出 / is listed twice"));
      }
      if (t != null && (t.targetConversion() == null || t.targetConversion().signum() <= 0
          || t.targetConversion().compareTo(BigDecimal.ONE) > 0 || t.targetConversion().scale() > 4)) {
        errors.add(new FieldError(field + ".targetConversion", "须为大于 0、不大于 1 的小数，最多 4 位小数 / "
            + "must be a fraction in (0, 1] with at most 4 decimals"));
      }
    }
    stages.stream().filter(s -> !seen.contains(s.code())).findFirst().ifPresent(missing ->
        errors.add(new FieldError("stages", "阶段 " + missing.code() + " 没有理想升迁率 / has no target for stage " + missing.code())));
    return stages.stream().flatMap(s -> request.stages().stream()
        .filter(t -> t != null && s.code().equals(t.stage())).limit(1)
        .map(t -> new IdealFunnel.StageTarget(s.code(), t.targetConversion()))).toList();
  }

  private static void positive(List<FieldError> errors, String field, BigDecimal value) {
    if (value == null || value.signum() <= 0) {
      errors.add(new FieldError(field, Refusals.POSITIVE_AMOUNT));
    }
  }

  private static void requirePlanner(String orgUnit, Actor actor) {
    boolean managerAbove = actor.has(Role.MANAGER) && actor.orgUnit().map(u -> FunnelScope.within(orgUnit, u)).orElse(false);
    if (!actor.seesEverything() && !managerAbove) {
      throw new ForbiddenException("只有 " + orgUnit + " 的经理（或上级）、销售运营和管理员可以设定其理想漏斗 / Only a manager of "
          + orgUnit + " (or above), sales-ops and administrators plan its funnel");
    }
  }
}

package io.oppflow.planning.internal;

import io.oppflow.funnel.OwnerAt;
import io.oppflow.organization.OrgUnit;
import io.oppflow.shared.Refusals;
import io.oppflow.shared.InvalidRequestException;
import io.oppflow.funnel.FunnelFilter;
import io.oppflow.funnel.FunnelGrouping;
import io.oppflow.funnel.FunnelReport;
import io.oppflow.funnel.FunnelScope;
import io.oppflow.funnel.FunnelService;
import io.oppflow.funnel.StageProcesses;
import io.oppflow.organization.Actor;
import io.oppflow.organization.OrgUnitDirectory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Compares the actual funnel with the ideal one, and works back from a revenue target to stage numbers. */
@Service
public class FunnelPlanning {

  /** How the reverse calculation learns each stage's conversion. */
  enum Basis { IDEAL, MEASURED }

  private final FunnelService funnel;
  private final IdealFunnelStore ideals;
  private final StageProcesses processes;

  FunnelPlanning(FunnelService funnel, IdealFunnelStore ideals, StageProcesses processes) {
    this.funnel = funnel;
    this.ideals = ideals;
    this.processes = processes;
  }

  @Transactional(readOnly = true)
  FunnelComparison compare(String path, String periodText, String processKey, OwnerAt ownerAt, Actor actor) {
    String orgUnit = OrgUnit.checked(path);
    Period period = checked(orgUnit, periodText, actor);
    String process = processes.resolve(processKey, orgUnit, null);
    IdealFunnel ideal = ideals.find(orgUnit, period.label(), process)
        .orElseThrow(() -> new IdealFunnelNotFoundException(orgUnit, period.label(), process));
    FunnelReport.Group actual = funnel.measure(FunnelFilter.of(orgUnit, period.from(), period.to(), process)
        .withOwnerAt(ownerAt), FunnelGrouping.NONE).all();
    List<FunnelComparison.StageComparison> stages = ideal.stages().stream().map(t -> {
      FunnelReport.Stage s = actual.stage(t.stage());
      BigDecimal delta = s.conversionRate() == null ? null : s.conversionRate().subtract(t.targetConversion());
      return new FunnelComparison.StageComparison(s.stage(), s.name(), s.entered(), s.advanced(), s.conversionRate(),
          t.targetConversion(), delta);
    }).toList();
    FunnelComparison.WeakestStage weakest = stages.stream().filter(s -> s.delta() != null)
        .min(Comparator.comparing(FunnelComparison.StageComparison::delta))
        .map(s -> new FunnelComparison.WeakestStage(s.stage(), s.name(), s.delta(), s.delta().signum() < 0))
        .orElse(null);
    return new FunnelComparison(orgUnit, period.label(), process, ownerAt, stages, weakest, ideal.targetRevenue(),
        actual.wonAmount());
  }

  @Transactional(readOnly = true)
  FunnelTargets targets(String path, String periodText, BigDecimal revenue, Basis basis, String processKey,
      OwnerAt ownerAt, Actor actor) {
    String orgUnit = OrgUnit.checked(path);
    Period period = checked(orgUnit, periodText, actor);
    String process = processes.resolve(processKey, orgUnit, null);
    if (revenue != null && revenue.signum() <= 0) {
      throw InvalidRequestException.of("revenue", Refusals.POSITIVE_AMOUNT);
    }
    var ideal = ideals.find(orgUnit, period.label(), process);
    BigDecimal target = revenue != null ? revenue : ideal.map(IdealFunnel::targetRevenue)
        .orElseThrow(() -> InvalidRequestException.of("revenue", "该期间未设定理想漏斗时须填写收入目标 / "
            + "is required when no ideal funnel is planned for the period"));
    List<FunnelTargets.StageNeed> conversions;
    BigDecimal dealSize;
    String measuredOver = null;
    if (basis == Basis.IDEAL) {
      IdealFunnel plan = ideal.orElseThrow(() -> new IdealFunnelNotFoundException(orgUnit, period.label(), process));
      dealSize = plan.averageDealSize();
      var names = funnel.stagesOf(process);
      conversions = plan.stages().stream().map(t -> new FunnelTargets.StageNeed(t.stage(),
          names.stream().filter(d -> d.code().equals(t.stage())).findFirst().orElseThrow().name(), t.targetConversion(), 0)).toList();
    } else {
      Period last = period.previous();
      measuredOver = last.label();
      FunnelReport.Group measured = funnel.measure(FunnelFilter.of(orgUnit, last.from(), last.to(), process)
          .withOwnerAt(ownerAt), FunnelGrouping.NONE).all();
      if (measured.won() == 0) {
        throw new FunnelCalculationException(last.label() + " 没有赢单：无法得出实际平均单笔金额 / Nothing was won in " + last.label()
            + ": no measured average deal size");
      }
      dealSize = measured.wonAmount().divide(BigDecimal.valueOf(measured.won()), 2, RoundingMode.HALF_UP);
      conversions = measured.stages().stream().map(s -> {
        if (s.advanced() == 0) {
          throw new FunnelCalculationException("阶段 " + s.stage() + " 在 " + last.label() + " 没有升迁 / "
              + "Stage " + s.stage() + " converted nothing in "
              + last.label());
        }
        return new FunnelTargets.StageNeed(s.stage(), s.name(),
            BigDecimal.valueOf(s.advanced()).divide(BigDecimal.valueOf(s.entered()), 10, RoundingMode.HALF_UP), 0);
      }).toList();
    }
    long deals = ceil(target.divide(dealSize, 10, RoundingMode.HALF_UP));
    List<String> reps = funnel.ownersUnder(process, orgUnit);
    long perRepDeals = reps.isEmpty() ? 0 : ceil(BigDecimal.valueOf(deals).divide(BigDecimal.valueOf(reps.size()), 10, RoundingMode.HALF_UP));
    List<FunnelTargets.StageNeed> perRepStages = needs(perRepDeals, conversions);
    return new FunnelTargets(orgUnit, period.label(), process, ownerAt, basis.name().toLowerCase(java.util.Locale.ROOT),
        measuredOver, target, dealSize, deals, needs(deals, conversions),
        reps.stream().map(r -> new FunnelTargets.RepTarget(r, perRepDeals, perRepStages)).toList());
  }

  /** From the bottom up: entering stage i must be deals / (conversion of i × … × conversion of the last). */
  private static List<FunnelTargets.StageNeed> needs(long deals, List<FunnelTargets.StageNeed> conversions) {
    List<FunnelTargets.StageNeed> out = new ArrayList<>();
    BigDecimal needed = BigDecimal.valueOf(deals);
    for (int i = conversions.size() - 1; i >= 0; i--) {
      FunnelTargets.StageNeed c = conversions.get(i);
      needed = needed.divide(c.conversion(), 20, RoundingMode.HALF_UP);
      out.add(0, new FunnelTargets.StageNeed(c.stage(), c.name(), c.conversion().stripTrailingZeros(), ceil(needed)));
    }
    return out;
  }

  /** Rounds up, after forgiving the last digits of a division (6/0.6666666667 is 9, not 10). */
  private static long ceil(BigDecimal v) {
    return v.setScale(6, RoundingMode.HALF_UP).setScale(0, RoundingMode.CEILING).longValueExact();
  }

  private static Period checked(String orgUnit, String periodText, Actor actor) {
    Period period = Period.parse(periodText, "period");
    FunnelScope.requireOrgUnit(orgUnit, actor);
    return period;
  }
}

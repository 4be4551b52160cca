package io.oppflow.funnel;

import io.oppflow.shared.InvalidRequestException;
import io.oppflow.funnel.FunnelMetricsQuery.OutcomeRow;
import io.oppflow.funnel.FunnelMetricsQuery.StageRow;
import io.oppflow.organization.Actor;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The funnel metrics (see docs/metrics.md), scoped to what the caller may see. */
@Service
public class FunnelService {

  private final FunnelMetricsQuery query;
  private final StageCatalog catalog;
  private final StageProcesses processes;
  private final ParallelQueries parallel;

  FunnelService(FunnelMetricsQuery query, StageCatalog catalog, StageProcesses processes, ParallelQueries parallel) {
    this.query = query;
    this.catalog = catalog;
    this.processes = processes;
    this.parallel = parallel;
  }

  /**
   * The funnel for the caller: a rep's is forced to their own, a manager's to their org unit subtree; with
   * no process asked for, of the default process of what is in view ({@link StageProcesses}).
   */
  @Transactional(readOnly = true)
  public FunnelReport funnel(FunnelFilter filter, FunnelGrouping grouping, Actor actor) {
    FunnelFilter scoped = FunnelScope.restrict(filter, actor);
    return measure(scoped.withProcess(processes.resolve(scoped.process(), scoped.orgUnit(), scoped.owner())), grouping);
  }

  /**
   * The stage entries behind a stage's figure of {@link #funnel} for the same filter, caller and grouping (one
   * group of it, labelled as the report labels it): as many as the figure shows.
   */
  @Transactional(readOnly = true)
  public FunnelEntries entries(FunnelFilter filter, FunnelGrouping grouping, String group, String stage,
      FunnelFigure figure, int page, int size, Actor actor) {
    FunnelFilter scoped = FunnelScope.restrict(filter, actor);
    FunnelFilter resolved = scoped.withProcess(processes.resolve(scoped.process(), scoped.orgUnit(), scoped.owner()));
    if (stagesOf(resolved.process()).stream().noneMatch(s -> s.code().equals(stage))) {
      throw InvalidRequestException.of("stage", "不是流程 " + resolved.process() + " 的阶段 / "
          + "is not a stage of the process " + resolved.process());
    }
    requireGroup(grouping, group);
    return query.entries(resolved, grouping, group, stage, figure, page, size);
  }

  /**
   * The opportunities behind the won, lost or open total of {@link #funnel} for the same filter, caller and
   * grouping (one group of it): as many as the total shows. {@code status} is WON, LOST or OPEN.
   */
  @Transactional(readOnly = true)
  public FunnelOutcomes outcomes(FunnelFilter filter, FunnelGrouping grouping, String group, String status, int page,
      int size, Actor actor) {
    if (status == null || !List.of("WON", "LOST", "OPEN").contains(status.toUpperCase(java.util.Locale.ROOT))) {
      throw InvalidRequestException.of("status", "须为 WON（赢单）、LOST（丢单）或 OPEN（未结） / must be one of WON, LOST, OPEN");
    }
    FunnelFilter scoped = FunnelScope.restrict(filter, actor);
    FunnelFilter resolved = scoped.withProcess(processes.resolve(scoped.process(), scoped.orgUnit(), scoped.owner()));
    stagesOf(resolved.process());
    requireGroup(grouping, group);
    return query.outcomeList(resolved, grouping, group, status.toUpperCase(java.util.Locale.ROOT), page, size);
  }

  private static void requireGroup(FunnelGrouping grouping, String group) {
    if (grouping != FunnelGrouping.NONE && group == null) {
      throw InvalidRequestException.of("group", "使用 groupBy 时须填写：分组的键，与 GET /api/funnel 所标的一致 / "
          + "is needed with groupBy: the key of the group, as GET /api/funnel labels it");
    }
  }

  /** The funnel as the filter says (its process given), without access checks: for callers that checked access themselves. */
  @Transactional(readOnly = true)
  public FunnelReport measure(FunnelFilter filter, FunnelGrouping grouping) {
    List<StageDefinition> stages = stagesOf(filter.process());
    ParallelQueries.Pending<List<OutcomeRow>> outcomes = parallel.start(() -> query.outcomes(filter, grouping));
    Map<String, List<StageRow>> stageRows = stageRows(filter, grouping, stages).stream()
        .collect(Collectors.groupingBy(StageRow::key));
    Map<String, List<OutcomeRow>> outcomeRows = outcomes.join().stream()
        .collect(Collectors.groupingBy(OutcomeRow::key));
    TreeSet<String> keys = new TreeSet<>(stageRows.keySet());
    keys.addAll(outcomeRows.keySet());
    if (grouping == FunnelGrouping.NONE) {
      keys.add("all");
    }
    List<FunnelReport.Group> groups = keys.stream()
        .map(k -> group(k, stages, stageRows.getOrDefault(k, List.of()), outcomeRows.getOrDefault(k, List.of())))
        .toList();
    return new FunnelReport(filter.process(), filter.ownerAt(), groups, shape(stages, groups));
  }

  private List<StageRow> stageRows(FunnelFilter filter, FunnelGrouping grouping, List<StageDefinition> stages) {
    if (!query.splitsByStage(grouping)) {
      return query.stages(filter, grouping);
    }
    List<ParallelQueries.Pending<List<StageRow>>> perStage = stages.stream()
        .map(s -> parallel.start(() -> query.stages(filter, grouping, s.code()))).toList();
    return perStage.stream().flatMap(p -> p.join().stream()).toList();
  }

  /** The stages of a process, in order; 400 if there is no such process. */
  public List<StageDefinition> stagesOf(String process) {
    List<StageDefinition> stages = catalog.stagesOf(process);
    if (stages.isEmpty()) {
      throw InvalidRequestException.of("process", "没有键为 '" + process + "' 的已部署阶段流程 / "
          + "no deployed stage process has the key '" + process + "'");
    }
    return stages;
  }

  private static FunnelReport.Group group(String key, List<StageDefinition> stages, List<StageRow> rows,
      List<OutcomeRow> outcomes) {
    Map<String, StageRow> byStage = rows.stream().collect(Collectors.toMap(StageRow::stage, r -> r));
    List<FunnelReport.Stage> stageViews = stages.stream().map(s -> stage(s, byStage.get(s.code()))).toList();
    long won = count(outcomes, "WON");
    long lost = count(outcomes, "LOST");
    long open = count(outcomes, "OPEN");
    double cycleDays = outcomes.stream().filter(o -> o.status().equals("WON")).mapToDouble(OutcomeRow::cycleDaysSum).sum();
    Map<String, BigDecimal> probability = stages.stream()
        .collect(Collectors.toMap(StageDefinition::code, StageDefinition::winProbability));
    BigDecimal weighted = outcomes.stream().filter(o -> o.status().equals("OPEN"))
        .map(o -> o.amount().multiply(probability.getOrDefault(o.stage(), BigDecimal.ZERO)))
        .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
    BigDecimal wonAmount = outcomes.stream().filter(o -> o.status().equals("WON")).map(OutcomeRow::amount)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    return new FunnelReport.Group(key, stageViews, won, lost, open, ratio(won, won + lost),
        won == 0 ? null : round(cycleDays / won), weighted, wonAmount);
  }

  private static FunnelReport.Stage stage(StageDefinition s, StageRow r) {
    if (r == null) {
      return new FunnelReport.Stage(s.code(), s.name(), 0, 0, 0, 0, 0, null, null, null, null);
    }
    return new FunnelReport.Stage(s.code(), s.name(), r.entered(), r.advanced(), r.lost(), r.left(), r.open(),
        ratio(r.advanced(), r.entered()), round(r.avgDwellDays()), round(r.medianDwellDays()), round(r.p90DwellDays()));
  }

  /** Slope of stage i = 1 − entries of stage i+1 (wins, for the last stage) / entries of stage i, over all groups. */
  private static FunnelReport.Shape shape(List<StageDefinition> stages, List<FunnelReport.Group> groups) {
    Map<String, BigDecimal> slope = new LinkedHashMap<>();
    for (int i = 0; i < stages.size(); i++) {
      long entered = entered(groups, i);
      long next = i + 1 < stages.size() ? entered(groups, i + 1) : groups.stream().mapToLong(FunnelReport.Group::won).sum();
      BigDecimal kept = ratio(next, entered);
      slope.put(stages.get(i).code(), kept == null ? null : BigDecimal.ONE.subtract(kept));
    }
    return new FunnelReport.Shape(slope);
  }

  private static long entered(List<FunnelReport.Group> groups, int stageIndex) {
    return groups.stream().mapToLong(g -> g.stages().get(stageIndex).entered()).sum();
  }

  private static long count(List<OutcomeRow> outcomes, String status) {
    return outcomes.stream().filter(o -> o.status().equals(status)).mapToLong(OutcomeRow::count).sum();
  }

  static BigDecimal ratio(long part, long whole) {
    return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
  }

  private static BigDecimal round(Double v) {
    return v == null ? null : BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP);
  }

  /** The owners of opportunities of the process under the org unit (the reps a target is split among). */
  @Transactional(readOnly = true)
  public List<String> ownersUnder(String process, String orgUnit) {
    return new ArrayList<>(query.owners(process, orgUnit));
  }
}

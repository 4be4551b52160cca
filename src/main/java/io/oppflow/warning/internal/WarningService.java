package io.oppflow.warning.internal;

import io.oppflow.warning.OpportunityTasks;
import io.oppflow.warning.StalledReviews;
import io.oppflow.funnel.StageCatalog;
import io.oppflow.organization.Actor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The early warnings a caller may see, newest first: stalled, skipped-stage and reopened opportunities. */
@Service
public class WarningService {

  /** The opportunity a warning is about, as far as warnings need it. */
  private record Subject(String code, String process, String owner, String orgUnit) {}

  private final JdbcTemplate jdbc;
  private final StalledReviews stalledReviews;
  private final OpportunityTasks openTasks;
  private final StageCatalog catalog;
  private final Clock clock;

  WarningService(JdbcTemplate jdbc, StalledReviews stalledReviews, OpportunityTasks openTasks, StageCatalog catalog,
      Clock clock) {
    this.jdbc = jdbc;
    this.stalledReviews = stalledReviews;
    this.openTasks = openTasks;
    this.catalog = catalog;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<Warning> warnings(WarningQuery query, Actor actor) {
    WarningScope scope = WarningScope.of(actor, query);
    Map<String, Subject> subjects = new HashMap<>();
    jdbc.query("select o.code, o.process_key, o.owner, o.org_unit from opportunity o where " + scope.where(),
        rs -> { subjects.put(rs.getString(1), new Subject(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))); },
        scope.args().toArray());
    Map<String, List<StageHistoryWarnings.Interval>> history = intervals(scope);
    WarningMessages messages = new WarningMessages(catalog::stagesOf);
    List<Warning> found = new ArrayList<>();
    if (query.kind() == null || query.kind() == WarningKind.STALLED) {
      for (StalledReviews.OpenReview review : stalledReviews.open()) {
        Subject s = subjects.get(review.opportunityCode());
        if (s != null) {
          Instant since = enteredAt(history.getOrDefault(s.code(), List.of()), review.stage(), review.since());
          long days = Duration.between(since, clock.instant()).toDays();
          found.add(new Warning(WarningKind.STALLED, s.code(), s.process(), review.stage(),
              messages.stageName(s.process(), review.stage()), since, review.since(), days, s.owner(), s.orgUnit(),
              messages.stalled(s.process(), review.stage(), days), review.taskId()));
        }
      }
    }
    history.forEach((code, intervals) -> {
      Subject s = subjects.get(code);
      for (StageHistoryWarnings.Finding f : StageHistoryWarnings.of(intervals)) {
        if (s != null && (query.kind() == null || query.kind() == f.kind())) {
          var i = f.interval();
          Instant at = f.leftWithoutGate() ? i.leftAt() : i.enteredAt();
          found.add(new Warning(f.kind(), code, s.process(), i.stage(), messages.stageName(i.process(), i.stage()),
              i.enteredAt(), at, null, s.owner(), s.orgUnit(), messages.of(f), null));
        }
      }
    });
    found.sort(Comparator.comparing(Warning::at).reversed().thenComparing(Warning::opportunity));
    return withOpenTasks(found);
  }

  /**
   * Each warning without a task of its own leads to the opportunity's open task in the warning's stage, else to
   * its oldest open stage task (where it is now).
   */
  private List<Warning> withOpenTasks(List<Warning> found) {
    Map<String, List<OpportunityTasks.StageTask>> open = openTasks.openStageTasks(found.stream()
        .filter(w -> w.taskId() == null).map(Warning::opportunity).collect(Collectors.toSet())).stream()
        .collect(Collectors.groupingBy(OpportunityTasks.StageTask::opportunityCode));
    return found.stream().map(w -> w.taskId() != null ? w : w.withTask(taskFor(w, open.getOrDefault(w.opportunity(), List.of()))))
        .toList();
  }

  private static String taskFor(Warning w, List<OpportunityTasks.StageTask> open) {
    return open.stream().filter(t -> t.stage().equals(w.stage())).findFirst().or(() -> open.stream().findFirst())
        .map(OpportunityTasks.StageTask::taskId).orElse(null);
  }

  private Map<String, List<StageHistoryWarnings.Interval>> intervals(WarningScope scope) {
    Map<String, List<StageHistoryWarnings.Interval>> byOpportunity = new LinkedHashMap<>();
    jdbc.query("select si.opportunity_code, si.process_key, si.stage, si.stage_order, si.entered_at, si.left_at, si.outcome"
        + " from stage_interval si join opportunity o on o.code = si.opportunity_code where " + scope.where()
        + " order by si.opportunity_code, si.entered_at, si.stage_order, si.id",
        rs -> { byOpportunity.computeIfAbsent(rs.getString(1), c -> new ArrayList<>()).add(interval(rs)); },
        scope.args().toArray());
    return byOpportunity;
  }

  private static StageHistoryWarnings.Interval interval(ResultSet rs) throws SQLException {
    Timestamp left = rs.getTimestamp(6);
    return new StageHistoryWarnings.Interval(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
        rs.getTimestamp(5).toInstant(), left == null ? null : left.toInstant(), rs.getString(7));
  }

  /** When the opportunity last entered the stage, still open; else when the timer fired. */
  private static Instant enteredAt(List<StageHistoryWarnings.Interval> intervals, String stage, Instant fallback) {
    return intervals.stream().filter(i -> i.stage().equals(stage) && i.leftAt() == null)
        .map(StageHistoryWarnings.Interval::enteredAt).max(Comparator.naturalOrder()).orElse(fallback);
  }
}

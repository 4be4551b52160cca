package io.oppflow.compliance.internal;

import io.oppflow.shared.Message;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/** Builds the compliance report from the gate records and the violations of a scope. */
@Component
public class ComplianceReports {

  public ComplianceReport build(ComplianceScope scope, ComplianceGrouping grouping, List<GateRows.Row> rows,
      List<Violation> violations) {
    long evaluations = rows.stream().filter(GateRows.Row::evaluation).count();
    long passed = rows.stream().filter(r -> "PASSED".equals(r.verdict())).count();
    long exceptions = rows.stream().filter(GateRows.Row::overridden).count();
    ComplianceReport.Totals totals = new ComplianceReport.Totals(evaluations, passed, evaluations - passed,
        rate(passed, evaluations), exceptions, violations.size());
    List<ComplianceReport.Group> groups = grouping == ComplianceGrouping.CRITERION
        ? byCriterion(rows)
        : bySlice(rows, violations, grouping == ComplianceGrouping.OWNER ? GateRows.Row::owner : GateRows.Row::orgUnit,
            grouping == ComplianceGrouping.OWNER ? Violation::owner : Violation::orgUnit);
    return new ComplianceReport(grouping.label(), scope.from(), scope.to(), scope.orgUnit().orElse(null), scope.ownerAt(),
        totals, groups);
  }

  private static List<ComplianceReport.Group> bySlice(List<GateRows.Row> rows, List<Violation> violations,
      Function<GateRows.Row, String> keyOfRow, Function<Violation, String> keyOfViolation) {
    Map<String, List<GateRows.Row>> byKey = new TreeMap<>();
    rows.forEach(r -> byKey.computeIfAbsent(keyOfRow.apply(r), k -> new ArrayList<>()).add(r));
    Map<String, Long> violationsByKey = new TreeMap<>();
    violations.forEach(v -> violationsByKey.merge(keyOfViolation.apply(v), 1L, Long::sum));
    violationsByKey.keySet().forEach(k -> byKey.computeIfAbsent(k, x -> new ArrayList<>()));
    List<ComplianceReport.Group> groups = new ArrayList<>();
    byKey.forEach((key, inGroup) -> {
      long evaluations = inGroup.stream().filter(GateRows.Row::evaluation).count();
      long passed = inGroup.stream().filter(r -> "PASSED".equals(r.verdict())).count();
      Map<String, Long> failures = new TreeMap<>();
      Map<String, Message> names = new LinkedHashMap<>();
      inGroup.stream().filter(r -> "FAILED".equals(r.verdict())).flatMap(r -> r.failures().stream()).forEach(c -> {
        failures.merge(c.code(), 1L, Long::sum);
        names.putIfAbsent(c.code(), c.message());
      });
      List<ComplianceReport.CriterionCount> counts = failures.entrySet().stream()
          .map(e -> new ComplianceReport.CriterionCount(e.getKey(), names.get(e.getKey()), e.getValue()))
          .sorted(Comparator.comparingLong(ComplianceReport.CriterionCount::failures).reversed()
              .thenComparing(ComplianceReport.CriterionCount::criterion))
          .toList();
      groups.add(new ComplianceReport.Group(key, null, null, null, evaluations, passed, evaluations - passed,
          rate(passed, evaluations), counts, exceptions(inGroup), violationsByKey.getOrDefault(key, 0L)));
    });
    return groups;
  }

  /** Per criterion that failed or was overridden in the scope: how often its gate was asked and it failed. */
  private static List<ComplianceReport.Group> byCriterion(List<GateRows.Row> rows) {
    Map<String, Long> evaluationsOfGate = new TreeMap<>();
    rows.stream().filter(GateRows.Row::evaluation)
        .forEach(r -> evaluationsOfGate.merge(r.processKey() + "/" + r.stage(), 1L, Long::sum));
    record Key(String process, String stage, String code) {}
    Map<Key, List<GateRows.Row>> byCriterion = new TreeMap<>(
        Comparator.comparing(Key::process).thenComparing(Key::stage).thenComparing(Key::code));
    Map<Key, Message> names = new LinkedHashMap<>();
    for (GateRows.Row r : rows) {
      if ("FAILED".equals(r.verdict()) || r.overridden()) {
        for (GateRows.FailedCriterion c : r.failures()) {
          Key k = new Key(r.processKey(), r.stage(), c.code());
          byCriterion.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
          names.putIfAbsent(k, c.message());
        }
      }
    }
    List<ComplianceReport.Group> groups = new ArrayList<>();
    byCriterion.forEach((k, withIt) -> {
      long evaluations = evaluationsOfGate.getOrDefault(k.process() + "/" + k.stage(), 0L);
      long failed = withIt.stream().filter(r -> "FAILED".equals(r.verdict())).count();
      groups.add(new ComplianceReport.Group(k.code(), k.process(), k.stage(), names.get(k), evaluations,
          evaluations - failed, failed, rate(evaluations - failed, evaluations), null, exceptions(withIt), null));
    });
    return groups;
  }

  private static ComplianceReport.Exceptions exceptions(List<GateRows.Row> rows) {
    List<GateRows.Row> overrides = rows.stream().filter(GateRows.Row::overridden).toList();
    Map<String, Long> byApprover = new TreeMap<>();
    overrides.forEach(r -> byApprover.merge(r.approvedBy(), 1L, Long::sum));
    return new ComplianceReport.Exceptions(overrides.size(),
        byApprover.entrySet().stream().map(e -> new ComplianceReport.ApproverCount(e.getKey(), e.getValue())).toList(),
        overrides.stream().map(r -> new ComplianceReport.Reason(r.id(), r.opportunityCode(), r.stage(), r.approvedBy(),
            r.overrideReason(), r.evaluatedAt())).toList());
  }

  private static Double rate(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }
}

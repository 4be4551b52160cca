package io.oppflow.compliance.internal;

import io.oppflow.shared.Message;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * How the stage gates were kept in a period, per rep, org unit or criterion (docs/compliance.md).
 * An evaluation is one asking of a gate (PASSED or FAILED); an exception is an OVERRIDDEN record, a
 * manager's approval; a violation is a stage entry no gate allowed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComplianceReport(String groupBy, LocalDate from, LocalDate to, String orgUnit, io.oppflow.funnel.OwnerAt ownerAt, Totals totals,
    List<Group> groups) {

  public record Totals(long evaluations, long passed, long failed, Double passRate, long exceptions, long violations) {}

  /**
   * One rep, org unit or criterion. For a criterion, evaluations are those of its gate, failed are those that
   * failed on it, and violations are not counted (a bypass skips every criterion of a gate).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Group(String key, String process, String stage, Message name, long evaluations, long passed,
      long failed, Double passRate, List<CriterionCount> failuresByCriterion, Exceptions exceptions, Long violations) {}

  public record CriterionCount(String criterion, Message name, long failures) {}

  public record Exceptions(long count, List<ApproverCount> byApprover, List<Reason> reasons) {}

  public record ApproverCount(String approver, long count) {}

  public record Reason(long gateRecordId, String opportunityCode, String stage, String approvedBy, String reason,
      Instant approvedAt) {}
}

package io.oppflow.compliance.internal;

import io.oppflow.shared.Message;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Every approved exception (OVERRIDDEN advance) of a period: the criteria it overrode, who asked, who
 * approved and why, and what became of the opportunity since. The summary says how the excepted
 * opportunities ended: a manager can see whether their exceptions were good bets.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExceptionReview(LocalDate from, LocalDate to, String orgUnit, io.oppflow.funnel.OwnerAt ownerAt, Summary summary, List<Item> exceptions) {

  /** How the excepted opportunities stand now; winRate = won / (won + lost), null while none is closed. */
  public record Summary(long count, long won, long lost, long open, Double winRate) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Item(long gateRecordId, Long exceptionId, String opportunityCode, String opportunityName, String owner,
      String orgUnit, String process, String stage, Message stageName, List<GateRows.FailedCriterion> failedCriteria,
      String requestedBy, Instant requestedAt, String requestReason, String approvedBy, Instant approvedAt,
      String approvalReason, String outcome, String currentStage, BigDecimal amount, Instant closedAt) {}
}

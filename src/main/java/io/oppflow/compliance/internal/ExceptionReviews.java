package io.oppflow.compliance.internal;

import java.util.List;
import org.springframework.stereotype.Component;

/** Builds the exception review from the OVERRIDDEN gate records of a scope. */
@Component
public class ExceptionReviews {

  private final StageNames stages;

  ExceptionReviews(StageNames stages) {
    this.stages = stages;
  }

  public ExceptionReview build(ComplianceScope scope, List<GateRows.Row> overrides) {
    List<ExceptionReview.Item> items = overrides.stream().map(r -> new ExceptionReview.Item(r.id(), r.exceptionId(),
        r.opportunityCode(), r.opportunityName(), r.owner(), r.orgUnit(), r.processKey(), r.stage(),
        stages.of(r.processKey(), r.stage()), r.failures(), r.requestedBy(), r.requestedAt(), r.requestReason(),
        r.approvedBy(), r.evaluatedAt(), r.overrideReason(), r.status(),
        "OPEN".equals(r.status()) ? r.currentStage() : null, r.amount(), r.closedAt())).toList();
    long won = items.stream().filter(i -> "WON".equals(i.outcome())).count();
    long lost = items.stream().filter(i -> "LOST".equals(i.outcome())).count();
    ExceptionReview.Summary summary = new ExceptionReview.Summary(items.size(), won, lost, items.size() - won - lost,
        won + lost == 0 ? null : (double) won / (won + lost));
    return new ExceptionReview(scope.from(), scope.to(), scope.orgUnit().orElse(null), scope.ownerAt(), summary, items);
  }

}

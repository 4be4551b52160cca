package io.oppflow.compliance;

import io.oppflow.compliance.internal.BypassDetector;
import io.oppflow.compliance.internal.ComplianceGrouping;
import io.oppflow.compliance.internal.ComplianceReport;
import io.oppflow.compliance.internal.ComplianceReports;
import io.oppflow.compliance.internal.ComplianceScope;
import io.oppflow.compliance.internal.ExceptionReview;
import io.oppflow.compliance.internal.ExceptionReviews;
import io.oppflow.compliance.internal.GateRows;
import io.oppflow.compliance.internal.Violation;
import io.oppflow.compliance.internal.ViolationList;
import io.oppflow.gate.ChainVerification;
import io.oppflow.gate.GateLogVerifier;
import io.oppflow.organization.Actor;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The compliance audit's reads, each narrowed to what the caller may see. */
@Service
public class ComplianceService {

  private final GateLogVerifier verifier;
  private final BypassDetector bypasses;
  private final OperationLog operations;
  private final GateRows gateRows;
  private final ComplianceReports reports;
  private final ExceptionReviews reviews;

  ComplianceService(GateLogVerifier verifier, BypassDetector bypasses, OperationLog operations, GateRows gateRows,
      ComplianceReports reports, ExceptionReviews reviews) {
    this.verifier = verifier;
    this.bypasses = bypasses;
    this.operations = operations;
    this.gateRows = gateRows;
    this.reports = reports;
    this.reviews = reviews;
  }

  public ChainVerification verify(Actor actor) {
    ComplianceScope.requireVerifier(actor);
    return verifier.verify();
  }

  /** The violations with what the engine's user operation log knows about each. */
  @Transactional(readOnly = true)
  public ViolationList violations(ComplianceScope scope) {
    List<Violation> found = bypasses.find(scope).stream()
        .map(v -> operations.around(v.processInstanceId(), v.processKey(), v.enteredAt()).map(v::withOperation).orElse(v))
        .toList();
    return new ViolationList(scope.from(), scope.to(), scope.orgUnit().orElse(null), scope.ownerAt(), found.size(), found);
  }

  @Transactional(readOnly = true)
  public ComplianceReport report(ComplianceScope scope, ComplianceGrouping grouping) {
    return reports.build(scope, grouping, gateRows.in(scope, false), bypasses.find(scope));
  }

  @Transactional(readOnly = true)
  public ExceptionReview exceptions(ComplianceScope scope) {
    return reviews.build(scope, gateRows.in(scope, true));
  }
}

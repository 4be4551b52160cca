package io.oppflow.compliance.internal;

import io.oppflow.export.Table;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The compliance reads as flat tables for CSV and XLSX. */
public final class ComplianceTables {

  private ComplianceTables() {}

  static Table of(ViolationList list) {
    return new Table("compliance-violations", List.of("opportunityCode", "process", "processInstanceId", "stage",
        "stageOrder", "enteredAt", "previousStage", "kind", "owner", "orgUnit", "explanationZh", "explanationEn",
        "operationType", "operationUser", "operationAt", "operationId"),
        list.violations().stream().map(v -> Arrays.<Object>asList(v.opportunityCode(), v.processKey(),
            v.processInstanceId(), v.stage(), v.stageOrder(), v.enteredAt(), v.previousStage(), v.kind(), v.owner(),
            v.orgUnit(), v.explanation().zh(), v.explanation().en(),
            v.operation() == null ? null : v.operation().type(), v.operation() == null ? null : v.operation().userId(),
            v.operation() == null ? null : v.operation().at(),
            v.operation() == null ? null : v.operation().operationId())).toList())
        .withColumn("ownerAt", list.ownerAt().apiName());
  }

  static Table of(ComplianceReport report) {
    return new Table("compliance-report", List.of(report.groupBy(), "process", "stage", "nameZh", "nameEn",
        "evaluations", "passed", "failed", "passRate", "failuresByCriterion", "exceptions", "exceptionsByApprover",
        "violations"),
        report.groups().stream().map(g -> Arrays.<Object>asList(g.key(), g.process(), g.stage(),
            g.name() == null ? null : g.name().zh(), g.name() == null ? null : g.name().en(), g.evaluations(),
            g.passed(), g.failed(), g.passRate(),
            g.failuresByCriterion() == null ? null : g.failuresByCriterion().stream()
                .map(c -> c.criterion() + ":" + c.failures()).collect(Collectors.joining("; ")),
            g.exceptions().count(),
            g.exceptions().byApprover().stream().map(a -> a.approver() + ":" + a.count()).collect(Collectors.joining("; ")),
            g.violations())).toList())
        .withColumn("ownerAt", report.ownerAt().apiName());
  }

  static Table of(ExceptionReview review) {
    return new Table("compliance-exceptions", List.of("gateRecordId", "exceptionId", "opportunityCode",
        "opportunityName", "owner", "orgUnit", "process", "stage", "stageNameZh", "stageNameEn", "failedCriteria",
        "requestedBy", "requestedAt", "requestReason", "approvedBy", "approvedAt", "approvalReason", "outcome",
        "currentStage", "amount", "closedAt"),
        review.exceptions().stream().map(i -> Arrays.<Object>asList(i.gateRecordId(), i.exceptionId(),
            i.opportunityCode(), i.opportunityName(), i.owner(), i.orgUnit(), i.process(), i.stage(),
            i.stageName().zh(), i.stageName().en(),
            i.failedCriteria().stream().map(GateRows.FailedCriterion::code).collect(Collectors.joining("; ")),
            i.requestedBy(), i.requestedAt(), i.requestReason(), i.approvedBy(), i.approvedAt(), i.approvalReason(),
            i.outcome(), i.currentStage(), i.amount(), i.closedAt())).toList())
        .withColumn("ownerAt", review.ownerAt().apiName());
  }
}

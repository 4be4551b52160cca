package io.oppflow.gate.internal;

import io.oppflow.gate.GateExceptionStatus;
import io.oppflow.shared.Refusals;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A rep's request to advance despite a failed blocking gate, and a manager's decision on it. Approved,
 * it lets the opportunity leave the stage and leaves an OVERRIDDEN gate record naming approver and reason.
 */
@Entity
@Table(name = "gate_exception")
public class GateException {

  /** Where a request stands. */

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "opportunity_code", nullable = false, updatable = false)
  private String opportunityCode;

  @Column(name = "process_instance_id", nullable = false, updatable = false)
  private String processInstanceId;

  @Column(nullable = false, updatable = false)
  private String stage;

  @Column(name = "failed_record_id", nullable = false, updatable = false)
  private Long failedRecordId;

  @Column(name = "requested_by", nullable = false, updatable = false)
  private String requestedBy;

  @Column(name = "requested_at", nullable = false, updatable = false)
  private Instant requestedAt;

  @Column(name = "request_reason", nullable = false, updatable = false)
  private String requestReason;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private GateExceptionStatus status = GateExceptionStatus.PENDING;

  @Column(name = "decided_by")
  private String decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "decision_reason")
  private String decisionReason;

  protected GateException() {}

  public GateException(GateRecord failed, String requestedBy, String reason, Instant at) {
    this.opportunityCode = failed.getOpportunityCode();
    this.processInstanceId = failed.getProcessInstanceId();
    this.stage = failed.getStage();
    this.failedRecordId = failed.getId();
    this.requestedBy = requestedBy;
    this.requestReason = reason;
    this.requestedAt = at;
  }

  public void approve(String manager, String reason, Instant at) {
    decide(GateExceptionStatus.APPROVED, manager, reason, at);
  }

  public void reject(String manager, String reason, Instant at) {
    decide(GateExceptionStatus.REJECTED, manager, reason, at);
  }

  private void decide(GateExceptionStatus decision, String manager, String reason, Instant at) {
    if (status != GateExceptionStatus.PENDING) {
      throw new GateExceptionStateException(Refusals.exceptionDecided(id, status));
    }
    this.status = decision;
    this.decidedBy = manager;
    this.decisionReason = reason;
    this.decidedAt = at;
  }

  public Long id() { return id; }
  public String opportunityCode() { return opportunityCode; }
  public String processInstanceId() { return processInstanceId; }
  public String stage() { return stage; }
  public Long failedRecordId() { return failedRecordId; }
  public String requestedBy() { return requestedBy; }
  public Instant requestedAt() { return requestedAt; }
  public String requestReason() { return requestReason; }
  public GateExceptionStatus status() { return status; }
  public String decidedBy() { return decidedBy; }
  public Instant decidedAt() { return decidedAt; }
  public String decisionReason() { return decisionReason; }
}

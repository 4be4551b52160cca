package io.oppflow.opportunity.internal;

import io.oppflow.opportunity.Reassignment;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A recorded reassignment as stored (V57): written once, never changed. */
@Entity(name = "Reassignment")
@Table(name = "opportunity_reassignment")
public class ReassignmentEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "opportunity_code", nullable = false, updatable = false)
  private String opportunityCode;

  @Column(name = "from_owner", nullable = false, updatable = false)
  private String fromOwner;

  @Column(name = "from_org_unit", nullable = false, updatable = false)
  private String fromOrgUnit;

  @Column(name = "to_owner", nullable = false, updatable = false)
  private String toOwner;

  @Column(name = "to_org_unit", nullable = false, updatable = false)
  private String toOrgUnit;

  @Column(nullable = false, updatable = false)
  private String reason;

  @Column(name = "reassigned_by", nullable = false, updatable = false)
  private String reassignedBy;

  @Column(name = "reassigned_at", nullable = false, updatable = false)
  private Instant reassignedAt;

  @Column(name = "batch_id", updatable = false)
  private String batchId;

  protected ReassignmentEntity() {}

  public ReassignmentEntity(String opportunityCode, String fromOwner, String fromOrgUnit, String toOwner,
      String toOrgUnit, String reason, String reassignedBy, Instant reassignedAt, String batchId) {
    this.opportunityCode = opportunityCode;
    this.fromOwner = fromOwner;
    this.fromOrgUnit = fromOrgUnit;
    this.toOwner = toOwner;
    this.toOrgUnit = toOrgUnit;
    this.reason = reason;
    this.reassignedBy = reassignedBy;
    this.reassignedAt = reassignedAt;
    this.batchId = batchId;
  }

  public Reassignment snapshot() {
    return new Reassignment(id, opportunityCode, fromOwner, fromOrgUnit, toOwner, toOrgUnit, reason, reassignedBy,
        reassignedAt, batchId);
  }
}

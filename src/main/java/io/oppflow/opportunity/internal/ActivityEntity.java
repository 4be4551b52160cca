package io.oppflow.opportunity.internal;

import io.oppflow.opportunity.Activity;
import io.oppflow.opportunity.ActivityType;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** A logged activity as stored; it never leaves the module: others read its {@link Activity} snapshot. */
@Entity(name = "Activity")
@Table(name = "opportunity_activity")
public class ActivityEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "opportunity_code", nullable = false, updatable = false)
  private String opportunityCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private ActivityType type;

  @Column(name = "activity_date", nullable = false, updatable = false)
  private LocalDate date;

  @Column(updatable = false)
  private String contact;

  @Column(updatable = false)
  private String note;

  @Column(name = "decision_maker", nullable = false, updatable = false)
  private boolean decisionMaker;

  @Column(nullable = false, updatable = false)
  private String stage;

  @Column(name = "recorded_by", nullable = false, updatable = false)
  private String recordedBy;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private Instant recordedAt;

  protected ActivityEntity() {}

  public ActivityEntity(String opportunityCode, ActivityType type, LocalDate date, String contact, String note,
      boolean decisionMaker, String stage, String recordedBy, Instant recordedAt) {
    this.opportunityCode = Objects.requireNonNull(opportunityCode);
    this.type = Objects.requireNonNull(type);
    this.date = Objects.requireNonNull(date);
    this.contact = contact;
    this.note = note;
    this.decisionMaker = decisionMaker;
    this.stage = Objects.requireNonNull(stage);
    this.recordedBy = Objects.requireNonNull(recordedBy);
    this.recordedAt = Objects.requireNonNull(recordedAt);
  }

  /** The activity as other modules and the rules see it. */
  public Activity snapshot() {
    return new Activity(id, opportunityCode, type, date, contact, note, decisionMaker, stage, recordedBy, recordedAt);
  }
}

package io.oppflow.opportunity;

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

/**
 * One logged activity of opportunity progression (a visit, a call, a demo ...): evidence that gate
 * rules may require. It remembers the stage the opportunity was in when it was logged, so a rule can
 * ask for "a meeting with a decision maker during this stage".
 */
@Entity
@Table(name = "opportunity_activity")
public class Activity {

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

  @Column(nullable = false, updatable = false)
  private String stage;

  @Column(name = "recorded_by", nullable = false, updatable = false)
  private String recordedBy;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private Instant recordedAt;

  protected Activity() {}

  /** An activity as facts for rules and rule self-tests: not stored. */
  public Activity(String opportunityCode, ActivityType type, LocalDate date, String contact, String note,
      String stage, String recordedBy, Instant recordedAt) {
    this.opportunityCode = Objects.requireNonNull(opportunityCode);
    this.type = Objects.requireNonNull(type);
    this.date = Objects.requireNonNull(date);
    this.contact = contact;
    this.note = note;
    this.stage = Objects.requireNonNull(stage);
    this.recordedBy = Objects.requireNonNull(recordedBy);
    this.recordedAt = Objects.requireNonNull(recordedAt);
  }

  public Long getId() { return id; }
  public String getOpportunityCode() { return opportunityCode; }
  public ActivityType getType() { return type; }
  public LocalDate getDate() { return date; }
  public String getContact() { return contact; }
  public String getNote() { return note; }
  public String getStage() { return stage; }
  public String getRecordedBy() { return recordedBy; }
  public Instant getRecordedAt() { return recordedAt; }
}

package io.oppflow.opportunity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One logged activity of opportunity progression (a visit, a call, a demo ...), read-only: evidence that gate
 * rules may require. It remembers the stage the opportunity was in when it was logged, so a rule can
 * ask for "a meeting with a decision maker during this stage".
 */
public final class Activity {

  private final Long id;
  private final String opportunityCode;
  private final ActivityType type;
  private final LocalDate date;
  private final String contact;
  private final String note;
  private final String stage;
  private final String recordedBy;
  private final Instant recordedAt;

  /** An activity as facts for rules and rule self-tests: not stored. */
  public Activity(String opportunityCode, ActivityType type, LocalDate date, String contact, String note,
      String stage, String recordedBy, Instant recordedAt) {
    this(null, opportunityCode, type, date, contact, note, stage, recordedBy, recordedAt);
  }

  /** A stored activity, as its module hands it out. */
  public Activity(Long id, String opportunityCode, ActivityType type, LocalDate date, String contact, String note,
      String stage, String recordedBy, Instant recordedAt) {
    this.id = id;
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

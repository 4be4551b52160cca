package io.oppflow.opportunity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One logged activity of opportunity progression (a visit, a call, a demo ...), read-only: evidence that gate
 * rules may require. It remembers the stage the opportunity was in when it was logged, so a rule can
 * ask for "a meeting with a decision maker during this stage". {@code decisionMaker} is the rep's word that the
 * contact decides for the customer, for a contact not (yet) in the customer's project team.
 */
public final class Activity {

  private final Long id;
  private final String opportunityCode;
  private final ActivityType type;
  private final LocalDate date;
  private final String contact;
  private final String note;
  private final boolean decisionMaker;
  private final String stage;
  private final String recordedBy;
  private final Instant recordedAt;

  /** An activity as facts for rules and rule self-tests, its contact not flagged a decision maker: not stored. */
  public Activity(String opportunityCode, ActivityType type, LocalDate date, String contact, String note,
      String stage, String recordedBy, Instant recordedAt) {
    this(null, opportunityCode, type, date, contact, note, false, stage, recordedBy, recordedAt);
  }

  /** An activity as facts for rules and rule self-tests: not stored. */
  public Activity(String opportunityCode, ActivityType type, LocalDate date, String contact, String note,
      boolean decisionMaker, String stage, String recordedBy, Instant recordedAt) {
    this(null, opportunityCode, type, date, contact, note, decisionMaker, stage, recordedBy, recordedAt);
  }

  /** A stored activity, as its module hands it out. */
  public Activity(Long id, String opportunityCode, ActivityType type, LocalDate date, String contact, String note,
      boolean decisionMaker, String stage, String recordedBy, Instant recordedAt) {
    this.id = id;
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

  public Long getId() { return id; }
  public String getOpportunityCode() { return opportunityCode; }
  public ActivityType getType() { return type; }
  public LocalDate getDate() { return date; }
  public String getContact() { return contact; }
  public String getNote() { return note; }
  /** Whether the rep flagged the contact as a decision maker of the customer. */
  public boolean isDecisionMaker() { return decisionMaker; }
  public String getStage() { return stage; }
  public String getRecordedBy() { return recordedBy; }
  public Instant getRecordedAt() { return recordedAt; }
}

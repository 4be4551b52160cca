package io.oppflow.opportunity;

import java.time.LocalDate;

/**
 * An activity to log: what was done, when, with whom, and whether that contact decides for the customer
 * ({@code decisionMaker}, default false).
 */
public record NewActivity(ActivityType type, LocalDate date, String contact, Boolean decisionMaker, String note) {

  /** An activity whose contact is not flagged a decision maker. */
  public NewActivity(ActivityType type, LocalDate date, String contact, String note) {
    this(type, date, contact, null, note);
  }

  /** Whether the contact was flagged a decision maker. */
  public boolean contactDecides() {
    return Boolean.TRUE.equals(decisionMaker);
  }
}

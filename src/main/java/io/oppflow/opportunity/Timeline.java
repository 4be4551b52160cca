package io.oppflow.opportunity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/** The customer's project timeline: when they decide and when they want to go live. */
@Embeddable
public class Timeline {

  @Column(name = "timeline_decision_date")
  private LocalDate decisionDate;

  @Column(name = "timeline_go_live_date")
  private LocalDate goLiveDate;

  public LocalDate getDecisionDate() { return decisionDate; }
  public void setDecisionDate(LocalDate decisionDate) { this.decisionDate = decisionDate; }
  public LocalDate getGoLiveDate() { return goLiveDate; }
  public void setGoLiveDate(LocalDate goLiveDate) { this.goLiveDate = goLiveDate; }
}

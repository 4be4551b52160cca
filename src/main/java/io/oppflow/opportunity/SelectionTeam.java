package io.oppflow.opportunity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The customer's vendor selection team (选型小组) and whether its leadership backs it. */
@Embeddable
public class SelectionTeam {

  @Column(name = "selection_team_formed")
  private Boolean formed;

  @Column(name = "selection_team_leadership_support")
  private Boolean leadershipSupport;

  public Boolean getFormed() { return formed; }
  public void setFormed(Boolean formed) { this.formed = formed; }
  public Boolean getLeadershipSupport() { return leadershipSupport; }
  public void setLeadershipSupport(Boolean leadershipSupport) { this.leadershipSupport = leadershipSupport; }
}

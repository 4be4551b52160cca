package io.oppflow.opportunity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** How far our solution has been shown and accepted (stage 5, 赢得客户认可). */
@Embeddable
public class Solution {

  @Column(name = "solution_presented")
  private Boolean presented;

  @Column(name = "solution_demo_done")
  private Boolean demoDone;

  @Column(name = "solution_tech_evaluation_passed")
  private Boolean technicalEvaluationPassed;

  @Column(name = "solution_proposal_submitted")
  private Boolean proposalSubmitted;

  @Column(name = "solution_accepted_in_principle")
  private Boolean acceptedInPrinciple;

  public Boolean getPresented() { return presented; }
  public void setPresented(Boolean presented) { this.presented = presented; }
  public Boolean getDemoDone() { return demoDone; }
  public void setDemoDone(Boolean demoDone) { this.demoDone = demoDone; }
  public Boolean getTechnicalEvaluationPassed() { return technicalEvaluationPassed; }
  public void setTechnicalEvaluationPassed(Boolean passed) { this.technicalEvaluationPassed = passed; }
  public Boolean getProposalSubmitted() { return proposalSubmitted; }
  public void setProposalSubmitted(Boolean proposalSubmitted) { this.proposalSubmitted = proposalSubmitted; }
  public Boolean getAcceptedInPrinciple() { return acceptedInPrinciple; }
  public void setAcceptedInPrinciple(Boolean accepted) { this.acceptedInPrinciple = accepted; }
}

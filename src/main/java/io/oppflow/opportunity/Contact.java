package io.oppflow.opportunity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A member of the customer's project team (客户项目小组). */
@Embeddable
public class Contact {

  @NotBlank
  @Size(max = 200)
  @Column(name = "name", nullable = false)
  private String name;

  @Size(max = 200)
  @Column(name = "title")
  private String title;

  @Column(name = "decision_maker", nullable = false)
  private boolean decisionMaker;

  public Contact() {}

  public Contact(String name, String title, boolean decisionMaker) {
    this.name = name;
    this.title = title;
    this.decisionMaker = decisionMaker;
  }

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getTitle() { return title; }
  public void setTitle(String title) { this.title = title; }
  public boolean isDecisionMaker() { return decisionMaker; }
  public void setDecisionMaker(boolean decisionMaker) { this.decisionMaker = decisionMaker; }
}

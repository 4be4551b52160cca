package io.oppflow.opportunity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A competing vendor in this opportunity. */
@Embeddable
public class Competitor {

  @NotBlank
  @Size(max = 200)
  @Column(name = "name", nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false)
  private CompetitorStatus status = CompetitorStatus.ACTIVE;

  public Competitor() {}

  public Competitor(String name, CompetitorStatus status) {
    this.name = name;
    this.status = status == null ? CompetitorStatus.ACTIVE : status;
  }

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public CompetitorStatus getStatus() { return status; }
  public void setStatus(CompetitorStatus status) { this.status = status == null ? CompetitorStatus.ACTIVE : status; }
}

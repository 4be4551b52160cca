package io.oppflow.opportunity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** What the rep recorded about the customer: basic data, IT landscape and our assessment (stage 2). */
@Embeddable
public class Customer {

  @NotBlank
  @Size(max = 200)
  @Column(name = "customer_name")
  private String name;

  @Size(max = 100)
  @Column(name = "customer_industry")
  private String industry;

  @PositiveOrZero
  @Column(name = "customer_headcount")
  private Integer headcount;

  @PositiveOrZero
  @Column(name = "customer_annual_revenue")
  private BigDecimal annualRevenue;

  @Size(max = 4000)
  @Column(name = "customer_it_landscape")
  private String itLandscape;

  @Enumerated(EnumType.STRING)
  @Column(name = "customer_system_status")
  private SystemStatus currentSystemStatus;

  @Enumerated(EnumType.STRING)
  @Column(name = "customer_economic_health")
  private EconomicHealth economicHealth;

  @Column(name = "customer_in_target_segment")
  private Boolean inTargetSegment;

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getIndustry() { return industry; }
  public void setIndustry(String industry) { this.industry = industry; }
  public Integer getHeadcount() { return headcount; }
  public void setHeadcount(Integer headcount) { this.headcount = headcount; }
  public BigDecimal getAnnualRevenue() { return annualRevenue; }
  public void setAnnualRevenue(BigDecimal annualRevenue) { this.annualRevenue = annualRevenue; }
  public String getItLandscape() { return itLandscape; }
  public void setItLandscape(String itLandscape) { this.itLandscape = itLandscape; }
  public SystemStatus getCurrentSystemStatus() { return currentSystemStatus; }
  public void setCurrentSystemStatus(SystemStatus s) { this.currentSystemStatus = s; }
  public EconomicHealth getEconomicHealth() { return economicHealth; }
  public void setEconomicHealth(EconomicHealth economicHealth) { this.economicHealth = economicHealth; }
  public Boolean getInTargetSegment() { return inTargetSegment; }
  public void setInTargetSegment(Boolean inTargetSegment) { this.inTargetSegment = inTargetSegment; }
}

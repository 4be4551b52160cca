package io.oppflow.opportunity;

import io.oppflow.organization.OrgUnit;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A sales opportunity (商机) as other modules and the stage-gate rules see it: its facts, where it stands
 * in its stage process and how it ended, read at one moment. Read-only; it changes only through
 * {@link OpportunityService}. Rules match it as {@code Opportunity( customer.inTargetSegment != true )}.
 *
 * <p>Getters of the grouped facts never return {@code null}: an unrecorded group is an empty one, so
 * that rules and forms read "not recorded" the same way whether the group was ever touched or not.
 */
public final class Opportunity {

  private final String code;
  private final String processKey;
  private final String processInstanceId;
  private final String stage;
  private final OpportunityStatus status;
  private final String owner;
  private final String orgUnit;
  private final OpportunityFacts facts;
  private final Loss loss;
  private final Instant createdAt;
  private final Instant updatedAt;
  private final Instant closedAt;
  private final long version;

  public Opportunity(String code, String processKey, String processInstanceId, String stage,
      OpportunityStatus status, String owner, String orgUnit, OpportunityFacts facts, Loss loss,
      Instant createdAt, Instant updatedAt, Instant closedAt, long version) {
    this.code = code;
    this.processKey = processKey;
    this.processInstanceId = processInstanceId;
    this.stage = stage;
    this.status = Objects.requireNonNull(status, "status");
    this.owner = owner;
    this.orgUnit = orgUnit;
    this.facts = Objects.requireNonNull(facts, "facts").withEmptyGroups();
    this.loss = loss;
    this.createdAt = createdAt;
    this.updatedAt = updatedAt;
    this.closedAt = closedAt;
    this.version = version;
  }

  /**
   * An opportunity that exists only to be evaluated (rule self-tests, benchmarks): never stored.
   *
   * @param stage the stage it is in, or null
   */
  public static Opportunity draft(String code, String processKey, String owner, String orgUnit, String stage,
      OpportunityFacts facts, Instant now) {
    return new Opportunity(code, processKey, null, stage, OpportunityStatus.OPEN, owner, orgUnit,
        facts, null, now, now, null, 0);
  }

  public String getCode() { return code; }
  public String getProcessKey() { return processKey; }
  public String getProcessInstanceId() { return processInstanceId; }
  public String getStage() { return stage; }
  public OpportunityStatus getStatus() { return status; }
  public String getOwner() { return owner; }
  public String getOrgUnit() { return orgUnit; }
  public long getVersion() { return version; }
  public Loss getLoss() { return loss; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getUpdatedAt() { return updatedAt; }
  public Instant getClosedAt() { return closedAt; }

  /** The facts, as a form or a change request reads and writes them. */
  public OpportunityFacts facts() { return facts; }

  public String getName() { return facts.name(); }
  public Customer getCustomer() { return facts.customer(); }
  public CustomerType getCustomerType() { return facts.customerType(); }
  public ProjectType getProjectType() { return facts.projectType(); }
  public String getRegion() { return facts.region(); }
  public BigDecimal getAmount() { return facts.amount(); }
  public String getCurrency() { return facts.currency(); }
  public LocalDate getExpectedCloseDate() { return facts.expectedCloseDate(); }
  public String getNeeds() { return facts.needs(); }
  public Boolean getNeedConfirmed() { return facts.needConfirmed(); }
  public Budget getBudget() { return facts.budget(); }
  public SelectionTeam getSelectionTeam() { return facts.selectionTeam(); }
  public Timeline getTimeline() { return facts.timeline(); }
  public List<Competitor> getCompetitors() { return facts.competitors(); }
  public String getThirdPartyConsultant() { return facts.thirdPartyConsultant(); }
  public List<Contact> getCustomerProjectTeam() { return facts.customerProjectTeam(); }
  public Solution getSolution() { return facts.solution(); }
  public VendorStatus getVendorStatus() { return facts.vendorStatus(); }
  public Contract getContract() { return facts.contract(); }

  public boolean isOpen() {
    return status == OpportunityStatus.OPEN;
  }

  /** Whether {@code orgUnitPath} is this opportunity's org unit or one of its ancestors. */
  public boolean belongsTo(String orgUnitPath) {
    return OrgUnit.covers(orgUnitPath, orgUnit);
  }

  @Override
  public String toString() {
    return "Opportunity " + code + " (" + processKey + ", " + stage + ", " + status + ")";
  }
}

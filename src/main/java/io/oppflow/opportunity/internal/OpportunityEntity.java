package io.oppflow.opportunity.internal;

import io.oppflow.organization.OrgUnit;
import io.oppflow.opportunity.*;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import org.hibernate.annotations.NaturalId;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A sales opportunity (商机) as stored: the facts we know about one customer need, where it stands in its stage
 * process, and how it ended. Its code is the business key of its process instance. It never leaves the
 * module: other modules read {@link Opportunity} snapshots and views and change it through
 * {@link io.oppflow.opportunity.OpportunityService}.
 *
 * <p>Getters of the grouped facts never return {@code null}: an unrecorded group is an empty one, so
 * that rules and forms read "not recorded" the same way whether the group was ever touched or not.
 */
@Entity(name = "Opportunity")
@Table(name = "opportunity")
public class OpportunityEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version
  private long version;

  /** Its natural id: a look-up by code within a transaction that has the opportunity loaded asks no SQL. */
  @NaturalId
  @Column(nullable = false, unique = true, updatable = false)
  private String code;

  @Column(name = "process_key", nullable = false, updatable = false)
  private String processKey;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(nullable = false)
  private String name;

  @Embedded private Customer customer;

  @Enumerated(EnumType.STRING)
  @Column(name = "customer_type")
  private CustomerType customerType;

  @Enumerated(EnumType.STRING)
  @Column(name = "project_type")
  private ProjectType projectType;

  private String region;

  @Column(name = "org_unit", nullable = false)
  private String orgUnit;

  @Column(nullable = false)
  private String owner;

  private BigDecimal amount;

  private String currency;

  @Column(name = "expected_close_date")
  private LocalDate expectedCloseDate;

  private String needs;

  @Column(name = "need_confirmed")
  private Boolean needConfirmed;

  @Embedded private Budget budget;

  @Embedded private SelectionTeam selectionTeam;

  @Embedded private Timeline timeline;

  @ElementCollection
  @CollectionTable(name = "opportunity_competitor", joinColumns = @JoinColumn(name = "opportunity_id"))
  @OrderColumn(name = "position")
  private List<Competitor> competitors = new ArrayList<>();

  @Column(name = "third_party_consultant")
  private String thirdPartyConsultant;

  @ElementCollection
  @CollectionTable(name = "opportunity_contact", joinColumns = @JoinColumn(name = "opportunity_id"))
  @OrderColumn(name = "position")
  private List<Contact> customerProjectTeam = new ArrayList<>();

  @Embedded private Solution solution;

  @Enumerated(EnumType.STRING)
  @Column(name = "vendor_status")
  private VendorStatus vendorStatus;

  @Embedded private Contract contract;

  private String stage;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private OpportunityStatus status = OpportunityStatus.OPEN;

  @Embedded private Loss loss;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  protected OpportunityEntity() {}

  public OpportunityEntity(String code, String processKey, String owner, String orgUnit, Instant now) {
    this.code = Objects.requireNonNull(code);
    this.processKey = Objects.requireNonNull(processKey);
    this.owner = Objects.requireNonNull(owner);
    this.orgUnit = Objects.requireNonNull(orgUnit);
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Takes over every fact of {@code facts}; the identity, the owner and the progress are not facts. */
  public void recordFacts(OpportunityFacts facts, Instant now) {
    requireOpen();
    name = facts.name();
    customer = facts.customer();
    customerType = facts.customerType();
    projectType = facts.projectType();
    region = facts.region();
    amount = facts.amount();
    currency = facts.currency();
    expectedCloseDate = facts.expectedCloseDate();
    needs = facts.needs();
    needConfirmed = facts.needConfirmed();
    budget = facts.budget();
    selectionTeam = facts.selectionTeam();
    timeline = facts.timeline();
    competitors.clear();
    competitors.addAll(facts.competitors());
    thirdPartyConsultant = facts.thirdPartyConsultant();
    customerProjectTeam.clear();
    customerProjectTeam.addAll(facts.customerProjectTeam());
    solution = facts.solution();
    vendorStatus = facts.vendorStatus();
    contract = facts.contract();
    updatedAt = now;
  }

  /**
   * An opportunity with its past: created then, and (for a closed one) won or lost at its closing
   * time. An open one gets its stage from its live process, like any other.
   */
  public static OpportunityEntity imported(ImportedOpportunity past) {
    OpportunityEntity o = new OpportunityEntity(past.code(), past.processKey(), past.owner(), past.orgUnit(), past.createdAt());
    o.recordFacts(past.facts(), past.createdAt());
    switch (past.status()) {
      case WON -> o.markWon(past.closedAt());
      case LOST -> {
        if (past.lostAtStage() != null) {
          o.enterStage(past.lostAtStage(), past.closedAt());
        }
        o.markLost(past.loss(), past.closedAt());
      }
      case OPEN -> { }
    }
    return o;
  }

  public void attachProcess(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  /** The opportunity has entered the stage with this code (from its process, never typed in). */
  public void enterStage(String stageCode, Instant now) {
    requireOpen();
    this.stage = stageCode;
    this.updatedAt = now;
  }

  /** Moves the open opportunity to a new owner and org unit (a reassignment, recorded by the caller). */
  public void reassignTo(String newOwner, String newOrgUnit, Instant now) {
    requireOpen();
    this.owner = Objects.requireNonNull(newOwner);
    this.orgUnit = Objects.requireNonNull(newOrgUnit);
    this.updatedAt = now;
  }

  public void markLost(Loss loss, Instant now) {
    requireOpen();
    this.loss = loss;
    this.status = OpportunityStatus.LOST;
    this.closedAt = now;
    this.updatedAt = now;
  }

  public void markWon(Instant now) {
    requireOpen();
    this.status = OpportunityStatus.WON;
    this.closedAt = now;
    this.updatedAt = now;
  }

  /** The facts it holds now. */
  public OpportunityFacts facts() {
    return new OpportunityFacts(
        getName(), getCustomer(), getCustomerType(), getProjectType(), getRegion(),
        getAmount(), getCurrency(), getExpectedCloseDate(), getNeeds(), getNeedConfirmed(),
        getBudget(), getSelectionTeam(), getTimeline(), getCompetitors(),
        getThirdPartyConsultant(), getCustomerProjectTeam(), getSolution(), getVendorStatus(),
        getContract());
  }

  /** What other modules see: the opportunity as it is now, read-only. */
  public Opportunity snapshot() {
    return new Opportunity(code, processKey, processInstanceId, stage, status, owner, orgUnit,
        facts(), loss, createdAt, updatedAt, closedAt, version);
  }

  /** Whether {@code orgUnitPath} is this opportunity's org unit or one of its ancestors. */
  public boolean belongsTo(String orgUnitPath) {
    return OrgUnit.covers(orgUnitPath, orgUnit);
  }

  public boolean isOpen() {
    return status == OpportunityStatus.OPEN;
  }

  private void requireOpen() {
    if (!isOpen()) {
      throw new OpportunityClosedException(code, status);
    }
  }

  public Long getId() { return id; }
  public long getVersion() { return version; }
  public String getCode() { return code; }
  public String getProcessKey() { return processKey; }
  public String getProcessInstanceId() { return processInstanceId; }
  public String getName() { return name; }
  public Customer getCustomer() { return customer == null ? customer = new Customer() : customer; }
  public CustomerType getCustomerType() { return customerType; }
  public ProjectType getProjectType() { return projectType; }
  public String getRegion() { return region; }
  public String getOrgUnit() { return orgUnit; }
  public String getOwner() { return owner; }
  public BigDecimal getAmount() { return amount; }
  public String getCurrency() { return currency; }
  public LocalDate getExpectedCloseDate() { return expectedCloseDate; }
  public String getNeeds() { return needs; }
  public Boolean getNeedConfirmed() { return needConfirmed; }
  public Budget getBudget() { return budget == null ? budget = new Budget() : budget; }
  public SelectionTeam getSelectionTeam() {
    return selectionTeam == null ? selectionTeam = new SelectionTeam() : selectionTeam;
  }
  public Timeline getTimeline() { return timeline == null ? timeline = new Timeline() : timeline; }
  public List<Competitor> getCompetitors() { return List.copyOf(competitors); }
  public String getThirdPartyConsultant() { return thirdPartyConsultant; }
  public List<Contact> getCustomerProjectTeam() { return List.copyOf(customerProjectTeam); }
  public Solution getSolution() { return solution == null ? solution = new Solution() : solution; }
  public VendorStatus getVendorStatus() { return vendorStatus; }
  public Contract getContract() { return contract == null ? contract = new Contract() : contract; }
  public String getStage() { return stage; }
  public OpportunityStatus getStatus() { return status; }
  public Loss getLoss() { return loss; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getUpdatedAt() { return updatedAt; }
  public Instant getClosedAt() { return closedAt; }
}

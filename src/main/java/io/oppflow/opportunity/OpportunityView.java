package io.oppflow.opportunity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The JSON form of an opportunity: its facts plus where it stands. Field names are the API contract. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OpportunityView(
    String code,
    String process,
    String processInstanceId,
    String stage,
    OpportunityStatus status,
    String owner,
    String orgUnit,
    String name,
    Customer customer,
    CustomerType customerType,
    ProjectType projectType,
    String region,
    BigDecimal amount,
    String currency,
    LocalDate expectedCloseDate,
    String needs,
    Boolean needConfirmed,
    Budget budget,
    SelectionTeam selectionTeam,
    Timeline timeline,
    List<Competitor> competitors,
    String thirdPartyConsultant,
    List<Contact> customerProjectTeam,
    Solution solution,
    VendorStatus vendorStatus,
    Contract contract,
    Loss lost,
    List<ActivityView> activities,
    Instant createdAt,
    Instant updatedAt,
    Instant closedAt,
    long version) {

  public static OpportunityView of(Opportunity o, List<Activity> activities) {
    return new OpportunityView(
        o.getCode(), o.getProcessKey(), o.getProcessInstanceId(), o.getStage(), o.getStatus(),
        o.getOwner(), o.getOrgUnit(), o.getName(), o.getCustomer(), o.getCustomerType(),
        o.getProjectType(), o.getRegion(), o.getAmount(), o.getCurrency(), o.getExpectedCloseDate(),
        o.getNeeds(), o.getNeedConfirmed(), o.getBudget(), o.getSelectionTeam(), o.getTimeline(),
        o.getCompetitors(), o.getThirdPartyConsultant(), o.getCustomerProjectTeam(), o.getSolution(),
        o.getVendorStatus(), o.getContract(), o.getLoss(), activities.stream().map(ActivityView::of).toList(),
        o.getCreatedAt(), o.getUpdatedAt(),
        o.getClosedAt(), o.getVersion());
  }
}

package io.oppflow.opportunity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything a rep, an expert, a form or an API client may record about an opportunity. Reading an
 * opportunity gives these same fields, so a change is "read the facts, change some, record them".
 */
public record OpportunityFacts(
    @NotBlank @Size(max = 300) String name,
    @NotNull @Valid Customer customer,
    CustomerType customerType,
    ProjectType projectType,
    @Size(max = 100) String region,
    @PositiveOrZero BigDecimal amount,
    @Pattern(regexp = "[A-Z]{3}", message = "须为 ISO 4217 货币代码，如 CNY / must be an ISO 4217 code such as CNY") String currency,
    LocalDate expectedCloseDate,
    @Size(max = 4000) String needs,
    Boolean needConfirmed,
    @Valid Budget budget,
    @Valid SelectionTeam selectionTeam,
    @Valid Timeline timeline,
    @Size(max = 50) List<@Valid @NotNull Competitor> competitors,
    @Size(max = 200) String thirdPartyConsultant,
    @Size(max = 100) List<@Valid @NotNull Contact> customerProjectTeam,
    @Valid Solution solution,
    VendorStatus vendorStatus,
    @Valid Contract contract) {

  public OpportunityFacts {
    competitors = competitors == null ? List.of() : competitors;
    customerProjectTeam = customerProjectTeam == null ? List.of() : customerProjectTeam;
  }

  /** The facts an opportunity holds now. */
  public static OpportunityFacts of(Opportunity o) {
    return o.facts();
  }

  /** These facts with every unrecorded group an empty one, as an opportunity reads them. */
  public OpportunityFacts withEmptyGroups() {
    return new OpportunityFacts(name, customer == null ? new Customer() : customer, customerType, projectType,
        region, amount, currency, expectedCloseDate, needs, needConfirmed, budget == null ? new Budget() : budget,
        selectionTeam == null ? new SelectionTeam() : selectionTeam, timeline == null ? new Timeline() : timeline,
        competitors, thirdPartyConsultant, customerProjectTeam, solution == null ? new Solution() : solution,
        vendorStatus, contract == null ? new Contract() : contract);
  }
}

package io.oppflow.opportunity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes imported opportunities that start no process (won and lost ones) with one batched insert, column for column
 * what JPA writes for the same {@link OpportunityEntity} (the entity's identity ids rule out Hibernate's own insert
 * batching). Only opportunities without competitors or contacts: their collection rows would need the new ids.
 */
@Component
public class ImportedOpportunityRows {

  private static final List<String> COLUMNS = List.of("version", "code", "process_key", "process_instance_id", "name",
      "customer_name", "customer_industry", "customer_headcount", "customer_annual_revenue", "customer_it_landscape",
      "customer_system_status", "customer_economic_health", "customer_in_target_segment", "customer_type",
      "project_type", "region", "org_unit", "owner", "amount", "currency", "expected_close_date", "needs",
      "need_confirmed", "budget_amount", "budget_currency", "budget_status", "selection_team_formed",
      "selection_team_leadership_support", "timeline_decision_date", "timeline_go_live_date", "third_party_consultant",
      "solution_presented", "solution_demo_done", "solution_tech_evaluation_passed", "solution_proposal_submitted",
      "solution_accepted_in_principle", "vendor_status", "contract_terms_agreed", "contract_signed",
      "contract_signed_on", "contract_start_date", "stage", "status", "lost_reason", "lost_competitor", "lost_note",
      "created_at", "updated_at", "closed_at");

  private static final String INSERT = "insert into opportunity (" + String.join(", ", COLUMNS) + ") values ("
      + String.join(", ", COLUMNS.stream().map(c -> "?").toList()) + ")";

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;

  ImportedOpportunityRows(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
    this.jdbc = jdbc;
    this.named = named;
  }

  /** Which of these codes are taken already, in one query. */
  public Set<String> existing(Collection<String> codes) {
    if (codes.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(named.queryForList("select code from opportunity where code in (:codes)",
        java.util.Map.of("codes", codes), String.class));
  }

  /** Whether {@link #insert} can write it: no rows of its collections. */
  public static boolean fits(OpportunityEntity o) {
    return o.getCompetitors().isEmpty() && o.getCustomerProjectTeam().isEmpty();
  }

  public void insert(List<OpportunityEntity> opportunities) {
    if (!opportunities.isEmpty()) {
      jdbc.batchUpdate(INSERT, opportunities.stream().map(ImportedOpportunityRows::values).toList());
    }
  }

  private static Object[] values(OpportunityEntity o) {
    if (!fits(o)) {
      throw new IllegalArgumentException(o.getCode() + " has competitors or contacts");
    }
    var c = o.getCustomer();
    var b = o.getBudget();
    var t = o.getTimeline();
    var s = o.getSolution();
    var k = o.getContract();
    var l = o.getLoss();
    return new Object[] {o.getVersion(), o.getCode(), o.getProcessKey(), o.getProcessInstanceId(), o.getName(),
        c.getName(), c.getIndustry(), c.getHeadcount(), c.getAnnualRevenue(), c.getItLandscape(),
        name(c.getCurrentSystemStatus()), name(c.getEconomicHealth()), c.getInTargetSegment(),
        name(o.getCustomerType()), name(o.getProjectType()), o.getRegion(), o.getOrgUnit(), o.getOwner(),
        o.getAmount(), o.getCurrency(), date(o.getExpectedCloseDate()), o.getNeeds(), o.getNeedConfirmed(),
        b.getAmount(), b.getCurrency(), name(b.getStatus()), o.getSelectionTeam().getFormed(),
        o.getSelectionTeam().getLeadershipSupport(), date(t.getDecisionDate()), date(t.getGoLiveDate()),
        o.getThirdPartyConsultant(), s.getPresented(), s.getDemoDone(), s.getTechnicalEvaluationPassed(),
        s.getProposalSubmitted(), s.getAcceptedInPrinciple(), name(o.getVendorStatus()), k.getTermsAgreed(),
        k.getSigned(), date(k.getSignedOn()), date(k.getStartDate()), o.getStage(), name(o.getStatus()),
        l == null ? null : name(l.getReason()), l == null ? null : l.getCompetitor(), l == null ? null : l.getNote(),
        time(o.getCreatedAt()), time(o.getUpdatedAt()), time(o.getClosedAt())};
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }

  private static java.sql.Date date(LocalDate day) {
    return day == null ? null : java.sql.Date.valueOf(day);
  }

  private static Timestamp time(Instant at) {
    return at == null ? null : Timestamp.from(at);
  }
}

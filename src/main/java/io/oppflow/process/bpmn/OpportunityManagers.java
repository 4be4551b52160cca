package io.oppflow.process.bpmn;

import io.oppflow.opportunity.Opportunity;
import io.oppflow.opportunity.OpportunityService;
import io.oppflow.organization.OrgUnitDirectory;
import io.oppflow.organization.Role;
import io.oppflow.shared.TransactionBound;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code camunda:candidateUsers="${opportunityManagers.of(execution)}"}: the one way a task goes to managers
 * (gate-exception approvals, stalled reviews, project-team stage tasks). It names the managers of the
 * opportunity's org unit (or a unit above it); only when no manager is placed over that unit, every sales
 * manager. The set comes from the org-unit directory and the opportunity's row, never from a process variable,
 * so no caller can widen it. A candidate expression, unlike a task listener, is part of the task's definition:
 * the engine evaluates it also when an administrator starts the task with "skip listeners". Public, with
 * {@link #of}, only because the engine's expression language calls methods of public classes alone.
 */
@Component(OpportunityManagers.BEAN)
public class OpportunityManagers {

  static final String BEAN = "opportunityManagers";
  /** What a task routed to managers names as its candidate users, in the BPMN and the element templates. */
  public static final String EXPRESSION = "${" + BEAN + ".of(execution)}";

  private static final Logger log = LoggerFactory.getLogger(OpportunityManagers.class);

  private final OpportunityService opportunities;
  private final OrgUnitDirectory directory;
  private final IdentityService identity;

  OpportunityManagers(OpportunityService opportunities, OrgUnitDirectory directory, IdentityService identity) {
    this.opportunities = opportunities;
    this.directory = directory;
    this.identity = identity;
  }

  /** The user ids a new task of this execution's opportunity is offered to. */
  public List<String> of(DelegateExecution execution) {
    return managersOf(opportunities.byCode(execution.getProcessBusinessKey()), execution.getCurrentActivityId());
  }

  /**
   * The user ids a task of this opportunity is offered to now (after a reassignment to another org unit). Not named
   * {@code of}: the expression language must find one method of that name.
   */
  public List<String> ofOpportunity(Opportunity opportunity) {
    return managersOf(opportunity, "its tasks");
  }

  private List<String> managersOf(Opportunity opportunity, String what) {
    PlacedManagers placed = TransactionBound.active() ? TransactionBound.kept(PlacedManagers.class, this::placedManagers)
        : placedManagers();
    List<String> all = placed.all();
    Map<String, String> units = placed.units();
    List<String> managers = all.stream()
        .filter(m -> units.containsKey(m) && opportunity.belongsTo(units.get(m)))
        .toList();
    if (managers.isEmpty()) {
      log.warn("No manager is placed over {}; every sales manager may work {} of {}",
          opportunity.getOrgUnit(), what, opportunity.getCode());
      return all;
    }
    return managers;
  }

  /**
   * The sales managers and the org units they are placed in, read once per transaction: an import's batch routes
   * hundreds of tasks in one. A change of groups or placements later in the same transaction is not seen; none of
   * the product's transactions changes them and then routes a task.
   */
  private PlacedManagers placedManagers() {
    List<String> all = identity.createUserQuery().memberOfGroup(Role.MANAGER.groupId()).list().stream()
        .map(User::getId).toList();
    return new PlacedManagers(all, directory.orgUnitsOf(all));
  }

  private record PlacedManagers(List<String> all, Map<String, String> units) {}
}

package io.oppflow.process;

import io.oppflow.opportunity.OpportunityService;
import io.oppflow.organization.OrgUnitDirectory;
import io.oppflow.organization.Role;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Offers a manager's task to the managers of the opportunity's org unit (or a unit above it); only when
 * no manager is placed over that unit does it go to every sales manager. Candidates are set here, not in
 * the BPMN, so that no other manager is ever authorised on the task.
 */
@Component
class OpportunityManagers {

  private static final Logger log = LoggerFactory.getLogger(OpportunityManagers.class);

  private final OpportunityService opportunities;
  private final OrgUnitDirectory directory;
  private final IdentityService identity;

  OpportunityManagers(OpportunityService opportunities, OrgUnitDirectory directory, IdentityService identity) {
    this.opportunities = opportunities;
    this.directory = directory;
    this.identity = identity;
  }

  void offer(DelegateTask task) {
    var opportunity = opportunities.byCode(task.getExecution().getProcessBusinessKey());
    List<String> managers = identity.createUserQuery().memberOfGroup(Role.MANAGER.groupId()).list().stream()
        .map(User::getId)
        .filter(m -> directory.orgUnitOf(m).map(opportunity::belongsTo).orElse(false))
        .toList();
    if (managers.isEmpty()) {
      log.warn("No manager is placed over {}; every sales manager may work {} of {}",
          opportunity.getOrgUnit(), task.getTaskDefinitionKey(), opportunity.getCode());
      task.addCandidateGroup(Role.MANAGER.groupId());
      return;
    }
    task.addCandidateUsers(managers);
  }
}

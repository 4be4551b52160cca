package io.oppflow.opportunity;

import io.oppflow.opportunity.internal.OpportunityAccess;
import io.oppflow.organization.Actor;
import io.oppflow.organization.OrgUnitDirectory;
import io.oppflow.organization.OrgUnitMember;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The users an actor may hand an open opportunity to now, by the rules {@link OpportunityReassignments#reassign}
 * enforces with no unit asked for: a user (the identity service knows them), placed in an org unit, not its owner,
 * and the actor may move it from its unit to the {@link OpportunityReassignments#defaultUnitOf default unit}. So a
 * manager of HQ/East is offered the members of HQ/East and below and those placed above the opportunity's unit (it
 * then stays where it is); sales-ops and administrators everyone placed. The directory is asked only for the units
 * that can qualify; each member is then judged by the rule itself.
 *
 * <p>At most {@value #LIMIT}: the first by org unit and user id (then sorted by unit and name), with
 * {@code truncated} set when more were placed in those units; anyone else can still be named by id.
 */
@Component
class ReassignmentCandidates {

  static final int LIMIT = 200;

  private final OrgUnitDirectory directory;
  private final ReassignmentWorkflow workflow;

  ReassignmentCandidates(OrgUnitDirectory directory, ReassignmentWorkflow workflow) {
    this.directory = directory;
    this.workflow = workflow;
  }

  /** The candidates, sorted by org unit then name; call only when the actor may reassign {@code o} at all. */
  Listed of(Opportunity o, Actor actor) {
    String from = o.getOrgUnit();
    List<OrgUnitMember> members = actor.seesEverything()
        ? directory.membersWithin(null, List.of(), o.getOwner(), LIMIT + 1)
        : directory.membersWithin(actor.orgUnit().orElseThrow(), unitsCovering(from), o.getOwner(), LIMIT + 1);
    List<OrgUnitMember> considered = members.subList(0, Math.min(LIMIT, members.size())).stream()
        .filter(m -> OpportunityAccess.canReassign(actor, from, OpportunityReassignments.defaultUnitOf(m.orgUnit(), from)))
        .toList();
    Map<String, String> names = workflow.namesOf(considered.stream().map(OrgUnitMember::userId).toList());
    List<ReassignmentCandidate> candidates = new ArrayList<>();
    for (OrgUnitMember m : considered) {
      if (names.containsKey(m.userId())) {
        candidates.add(new ReassignmentCandidate(m.userId(), names.get(m.userId()), m.orgUnit(),
            OpportunityReassignments.defaultUnitOf(m.orgUnit(), from)));
      }
    }
    candidates.sort(Comparator.comparing(ReassignmentCandidate::orgUnit)
        .thenComparing(ReassignmentCandidate::name, String.CASE_INSENSITIVE_ORDER)
        .thenComparing(ReassignmentCandidate::userId));
    return new Listed(List.copyOf(candidates), members.size() > LIMIT);
  }

  /** {@code unit} and the units above it: HQ/East/Shanghai-1 → HQ, HQ/East, HQ/East/Shanghai-1. */
  static List<String> unitsCovering(String unit) {
    List<String> units = new ArrayList<>();
    for (int slash = unit.indexOf('/'); slash >= 0; slash = unit.indexOf('/', slash + 1)) {
      units.add(unit.substring(0, slash));
    }
    units.add(unit);
    return units;
  }

  /** The candidates, and whether more users were placed in the units they come from than were looked at. */
  record Listed(List<ReassignmentCandidate> candidates, boolean truncated) {
    static final Listed NONE = new Listed(List.of(), false);
  }
}

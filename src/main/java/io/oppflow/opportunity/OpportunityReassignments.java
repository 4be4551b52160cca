package io.oppflow.opportunity;

import io.oppflow.opportunity.internal.OpportunityAccess;
import io.oppflow.opportunity.internal.OpportunityEntity;
import io.oppflow.opportunity.internal.OpportunityRepository;
import io.oppflow.opportunity.internal.ReassignmentEntity;
import io.oppflow.opportunity.internal.ReassignmentRepository;
import io.oppflow.organization.Actor;
import io.oppflow.organization.OrgUnit;
import io.oppflow.organization.OrgUnitDirectory;
import io.oppflow.organization.Role;
import io.oppflow.shared.ForbiddenException;
import io.oppflow.shared.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reassigning open opportunities to a new owner (a rep leaves, a territory changes): the one place that decides who
 * may, checks the new owner and unit, moves the opportunity with its open tasks and records why. Sales-ops and
 * administrators may move any; a manager only between units they manage ({@link OpportunityAccess#canReassign}).
 * The new owner must be a user placed in the target unit or above it (as a rep opening an opportunity there).
 */
@Service
public class OpportunityReassignments {

  private static final int MAX_REASON = 2000;
  /** Field messages are in both languages: the opportunity page shows them beside the field as they come. */
  private static final String NOT_A_PATH = "须为组织路径，如 HQ/East/Shanghai-1 / must be a path such as HQ/East/Shanghai-1";

  private final OpportunityRepository opportunities;
  private final ReassignmentRepository reassignments;
  private final OrgUnitDirectory directory;
  private final ReassignmentWorkflow workflow;
  private final ReassignmentCandidates candidates;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  OpportunityReassignments(OpportunityRepository opportunities, ReassignmentRepository reassignments,
      OrgUnitDirectory directory, ReassignmentWorkflow workflow, ReassignmentCandidates candidates, Clock clock,
      ApplicationEventPublisher events) {
    this.opportunities = opportunities;
    this.reassignments = reassignments;
    this.directory = directory;
    this.workflow = workflow;
    this.candidates = candidates;
    this.clock = clock;
    this.events = events;
  }

  /**
   * Moves one open opportunity to a new owner (and org unit).
   *
   * @throws OpportunityNotFoundException (404)
   * @throws InvalidRequestException (400) naming the field: no reason, an unknown owner or one not placed in the unit
   * @throws ForbiddenException (403) if the actor may not move it between these units
   * @throws OpportunityClosedException (409) if it is won or lost; OpportunityConflictException (409) if nothing
   *     would change
   */
  @Transactional
  public Reassignment reassign(String code, ReassignmentRequest request, Actor actor) {
    OpportunityEntity o = opportunities.findLockedByCode(code).orElseThrow(() -> new OpportunityNotFoundException(code));
    requireReassigningRole(actor);
    String reason = reason(request.reason());
    String owner = knownOwner("owner", request.owner());
    String target = targetUnit(owner, request.orgUnit(), o.getOrgUnit());
    if (!OpportunityAccess.canReassign(actor, o.getOrgUnit(), target)) {
      throw denied(actor, o.getOrgUnit(), target);
    }
    if (!o.isOpen()) {
      throw new OpportunityClosedException(code, o.getStatus());
    }
    if (owner.equals(o.getOwner()) && target.equals(o.getOrgUnit())) {
      throw new OpportunityConflictException("商机 " + code + " 的负责人已是 " + target + " 的 " + owner + " / Opportunity "
          + code + " is already owned by " + owner + " in " + target);
    }
    return move(o, owner, target, reason, actor, null);
  }

  /**
   * Moves every open opportunity of {@code fromOwner} (only those in {@code orgUnit} or below, if given) to
   * {@code toOwner}, all or none: if the actor may not move one of them, none moves (403).
   */
  @Transactional
  public BulkReassignment reassignAll(BulkReassignmentRequest request, Actor actor) {
    requireReassigningRole(actor);
    String reason = reason(request.reason());
    if (request.fromOwner() == null || request.fromOwner().isBlank()) {
      throw InvalidRequestException.of("fromOwner", "请填写原负责人 / required: the owner whose open opportunities move");
    }
    String from = request.fromOwner().strip();
    String to = knownOwner("toOwner", request.toOwner());
    if (from.equals(to)) {
      throw InvalidRequestException.of("toOwner", "新负责人须不同于原负责人 / must differ from fromOwner");
    }
    String under = request.orgUnit() == null || request.orgUnit().isBlank() ? null : request.orgUnit().strip();
    if (under != null && !OrgUnit.isValid(under)) {
      throw InvalidRequestException.of("orgUnit", NOT_A_PATH);
    }
    List<OpportunityEntity> selected = opportunities.findOpenLockedByOwner(from).stream()
        .filter(o -> under == null || OrgUnit.covers(under, o.getOrgUnit())).toList();
    List<String> targets = selected.stream().map(o -> defaultUnit(to, o.getOrgUnit())).toList();
    for (int i = 0; i < selected.size(); i++) {
      if (!OpportunityAccess.canReassign(actor, selected.get(i).getOrgUnit(), targets.get(i))) {
        throw denied(actor, selected.get(i).getOrgUnit(), targets.get(i));
      }
    }
    String batch = selected.isEmpty() ? null : UUID.randomUUID().toString();
    List<Reassignment> moved = new ArrayList<>();
    for (int i = 0; i < selected.size(); i++) {
      moved.add(move(selected.get(i), to, targets.get(i), reason, actor, batch));
    }
    return new BulkReassignment(moved.size(), moved.stream().map(Reassignment::opportunityCode).toList(), batch, moved);
  }

  /**
   * Whether the actor may reassign this opportunity now: it is open and they may move it out of its unit (sales-ops,
   * administrators, a manager of its unit), the same decision {@link #reassign} takes before it looks at the target;
   * and then to whom, by the rules of {@link #reassign} with no unit asked for ({@link ReassignmentCandidates}).
   *
   * @throws OpportunityNotFoundException (404); OpportunityAccessDeniedException (403) if the actor may not read it
   */
  @Transactional(readOnly = true)
  public ReassignmentPermission permission(String code, Actor actor) {
    Opportunity o = opportunities.byNaturalCode(code).orElseThrow(() -> new OpportunityNotFoundException(code)).snapshot();
    if (!OpportunityAccess.canRead(actor, o)) {
      throw new OpportunityAccessDeniedException(code, actor.userId());
    }
    boolean allowed = o.isOpen() && OpportunityAccess.canReassign(actor, o.getOrgUnit(), o.getOrgUnit());
    ReassignmentCandidates.Listed to = allowed ? candidates.of(o, actor) : ReassignmentCandidates.Listed.NONE;
    return new ReassignmentPermission(code, allowed, to.candidates(), to.truncated());
  }

  /** The reassignments of an opportunity, oldest first, if the actor may read it (as GET /api/opportunities/{code}). */
  @Transactional(readOnly = true)
  public List<Reassignment> of(String code, Actor actor) {
    OpportunityEntity o = opportunities.byNaturalCode(code).orElseThrow(() -> new OpportunityNotFoundException(code));
    if (!OpportunityAccess.canRead(actor, o.snapshot())) {
      throw new OpportunityAccessDeniedException(code, actor.userId());
    }
    return of(code);
  }

  /** The reassignments of an opportunity, oldest first (for callers that checked access themselves). */
  @Transactional(readOnly = true)
  public List<Reassignment> of(String code) {
    return reassignments.findByOpportunityCodeOrderByIdAsc(code).stream().map(ReassignmentEntity::snapshot).toList();
  }

  private Reassignment move(OpportunityEntity o, String owner, String orgUnit, String reason, Actor actor, String batch) {
    Opportunity before = o.snapshot();
    Instant now = clock.instant();
    o.reassignTo(owner, orgUnit, now);
    opportunities.flush();
    workflow.handOver(before, o.snapshot());
    Reassignment recorded = reassignments.save(new ReassignmentEntity(o.getCode(), before.getOwner(),
        before.getOrgUnit(), owner, orgUnit, reason, actor.userId(), now, batch)).snapshot();
    events.publishEvent(new OpportunityReassigned(o.getCode(), before.getOwner(), before.getOrgUnit(), owner, orgUnit,
        now));
    return recorded;
  }

  private static String reason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw InvalidRequestException.of("reason", "请填写调整理由 / required: say why the opportunity changes hands");
    }
    if (reason.length() > MAX_REASON) {
      throw InvalidRequestException.of("reason", "理由最多 " + MAX_REASON + " 个字符 / at most " + MAX_REASON + " characters");
    }
    return reason.strip();
  }

  /** The new owner: a user who is placed in an org unit. */
  private String knownOwner(String field, String owner) {
    if (owner == null || owner.isBlank()) {
      throw InvalidRequestException.of(field, "请填写接手的用户 / required: the user who takes the opportunities over");
    }
    String id = owner.strip();
    if (!workflow.isUser(id)) {
      throw InvalidRequestException.of(field, "没有用户 '" + id + "' / no user '" + id + "'");
    }
    if (directory.orgUnitOf(id).isEmpty()) {
      throw InvalidRequestException.of(field, "'" + id + "' 未归属任何组织 / '" + id + "' is not placed in any org unit (PUT "
          + "/api/org-units/members/" + id + ")");
    }
    return id;
  }

  /** The unit asked for, which the owner must be a member of, or by default {@link #defaultUnit}. */
  private String targetUnit(String owner, String asked, String current) {
    if (asked == null || asked.isBlank()) {
      return defaultUnit(owner, current);
    }
    String unit = asked.strip();
    if (!OrgUnit.isValid(unit)) {
      throw InvalidRequestException.of("orgUnit", NOT_A_PATH);
    }
    String ownUnit = directory.orgUnitOf(owner).orElseThrow();
    if (!OrgUnit.covers(ownUnit, unit)) {
      throw InvalidRequestException.of("orgUnit", "'" + owner + "' 属于 " + ownUnit + "，不属于 " + unit + " / '" + owner
          + "' is a member of " + ownUnit + ", not of " + unit);
    }
    return unit;
  }

  /** The opportunity stays in its unit if the new owner is a member of it, else it moves to the new owner's unit. */
  private String defaultUnit(String owner, String current) {
    return defaultUnitOf(directory.orgUnitOf(owner).orElseThrow(), current);
  }

  /** The same for an owner placed in {@code ownUnit} (the candidates of {@link #permission} are judged by it too). */
  static String defaultUnitOf(String ownUnit, String current) {
    return OrgUnit.covers(ownUnit, current) ? current : ownUnit;
  }

  /** Reps and experts never reassign, whatever they ask for. */
  private static void requireReassigningRole(Actor actor) {
    if (!actor.seesEverything() && !actor.has(Role.MANAGER)) {
      throw new ForbiddenException("您无权调整商机负责人 / Only managers of both org units, sales-ops and administrators "
          + "reassign opportunities");
    }
  }

  private static ForbiddenException denied(Actor actor, String from, String to) {
    String scope = actor.orgUnit().map(u -> "a manager of " + u).orElse(actor.userId());
    String zhScope = actor.orgUnit().map(u -> u + " 的经理").orElse(actor.userId());
    return new ForbiddenException("只有同时管理 " + from + " 和 " + to + " 的经理、销售运营和管理员可调整此商机的负责人；您是 "
        + zhScope + " / Only managers of both " + from + " and " + to
        + ", sales-ops and administrators may reassign this opportunity; you are " + scope);
  }
}

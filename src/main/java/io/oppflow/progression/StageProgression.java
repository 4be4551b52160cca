package io.oppflow.progression;

import io.oppflow.gate.GateDecision;
import io.oppflow.gate.GateExceptionStatus;
import io.oppflow.gate.GateExceptionService;
import io.oppflow.gate.GateExceptionView;
import io.oppflow.gate.StageGateService;
import io.oppflow.opportunity.ChangePrecondition;
import io.oppflow.opportunity.Loss;
import io.oppflow.opportunity.Opportunity;
import io.oppflow.opportunity.OpportunityConflictException;
import io.oppflow.opportunity.OpportunityService;
import io.oppflow.opportunity.OpportunityView;
import io.oppflow.organization.Actor;
import io.oppflow.shared.Refusals;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Advances or loses an opportunity for the API by completing its current stage task, exactly as a rep
 * does in Tasklist: the same listeners, the same gate, the same records. What the gate decided is
 * handed back by the gate service, which remembers the decisions of the transaction it records them in.
 */
@Service
public class StageProgression {

  private final OpportunityService opportunities;
  private final GateExceptionService exceptions;
  private final StageGateService gates;
  private final StageWorkflow workflow;

  StageProgression(OpportunityService opportunities, GateExceptionService exceptions, StageGateService gates,
      StageWorkflow workflow) {
    this.opportunities = opportunities;
    this.exceptions = exceptions;
    this.gates = gates;
    this.workflow = workflow;
  }

  /**
   * Asks the gate of the current stage; on a pass the opportunity moves to the next stage (or is won).
   * With a precondition (the version or stage the caller saw) a duplicate request is refused, so the
   * opportunity moves once however often the request arrives.
   */
  @Transactional
  public AdvanceResult advance(String code, ChangePrecondition expected, Actor actor) {
    Opportunity before = open(opportunities.lockedForChange(code, expected, actor));
    workflow.advance(before.getProcessInstanceId(), before.getStage(), actor);
    GateDecision decision = gates.decidedInThisTransaction(code, before.getStage())
        .orElseThrow(() -> new IllegalStateException("Stage " + before.getStage() + " of " + code + " was left without a gate"));
    Opportunity now = opportunities.byCode(code);
    return new AdvanceResult(code, decision.verdict().verdict(), decision.verdict().stage(), now.getStage(),
        now.getStatus(), decision.verdict().failures(), decision.verdict().warnings(),
        decision.verdict().rulesVersion(), decision.recordId(), now.getVersion());
  }

  /** Ends the opportunity as lost, from whatever stage it is in (the one the caller saw, if it says so). */
  @Transactional
  public OpportunityView lose(String code, LossRequest request, ChangePrecondition expected, Actor actor) {
    Loss loss = Loss.of(request.reason(), request.competitor(), request.note());
    Opportunity before = open(opportunities.lockedForChange(code, expected, actor));
    workflow.lose(before.getProcessInstanceId(), before.getStage(), loss, actor);
    return opportunities.view(code);
  }

  /** Asks a manager of the opportunity's org unit to except the stage's failed gate. */
  @Transactional
  public GateExceptionView requestException(String code, String reason, Actor actor) {
    Opportunity before = open(opportunities.lockedForChange(code, ChangePrecondition.NONE, actor));
    workflow.requestException(before.getProcessInstanceId(), before.getStage(), reason, actor);
    List<GateExceptionView> all = exceptions.of(code);
    return all.get(all.size() - 1);
  }

  /**
   * A manager of the opportunity's org unit approves (the stage is left) or rejects the exception, by
   * completing its approval task as Tasklist does; {@link GateExceptionService} decides who may.
   */
  @Transactional
  public GateExceptionView decideException(long id, boolean approve, String reason, Actor actor) {
    GateExceptionView exception = exceptions.get(id);
    opportunities.decidableBy(exception.opportunityCode(), actor);
    if (exception.status() != GateExceptionStatus.PENDING
        || exceptions.pendingIn(exception.processInstanceId()).id() != exception.id()) {
      throw new OpportunityConflictException(Refusals.exceptionDecided(id, exception.status()));
    }
    workflow.decideException(exception.processInstanceId(), exception.stage(), approve, reason, actor);
    return exceptions.get(id);
  }

  private static Opportunity open(Opportunity o) {
    if (!o.isOpen()) {
      throw new OpportunityConflictException("商机 " + o.getCode() + " 已结束（" + o.getStatus() + "） / "
          + "Opportunity " + o.getCode() + " is " + o.getStatus());
    }
    return o;
  }
}

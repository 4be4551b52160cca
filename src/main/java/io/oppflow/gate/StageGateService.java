package io.oppflow.gate;

import io.oppflow.gate.internal.GateFacts;
import io.oppflow.gate.internal.GateLog;
import io.oppflow.gate.internal.GateRecord;
import io.oppflow.gate.internal.GateRecordRepository;
import io.oppflow.gate.internal.GateRecordView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oppflow.opportunity.Activity;
import io.oppflow.opportunity.Opportunity;
import io.oppflow.opportunity.OpportunityOpened;
import io.oppflow.opportunity.OpportunityService;
import io.oppflow.opportunity.OpportunityView;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides a stage gate for an opportunity and records the decision, in the caller's transaction: the
 * record and the stage change it allows commit together or not at all.
 */
@Service
public class StageGateService {

  private static final com.fasterxml.jackson.core.type.TypeReference<List<Criterion>> CRITERIA =
      new com.fasterxml.jackson.core.type.TypeReference<>() {};

  private final ActiveRules rules;
  private final OpportunityService opportunities;
  private final GateRecordRepository records;
  private final GateLog log;
  private final ObjectMapper json;
  private final Clock clock;

  StageGateService(ActiveRules rules, OpportunityService opportunities, GateRecordRepository records,
      GateLog log, ObjectMapper json, Clock clock) {
    this.rules = rules;
    this.opportunities = opportunities;
    this.records = records;
    this.log = log;
    this.json = json;
    this.clock = clock;
  }

  /** Evaluates the gate that leaves {@code stage} and stores the verdict as a gate record. */
  @Transactional(propagation = Propagation.MANDATORY)
  public GateDecision evaluate(String opportunityCode, String processInstanceId, String stage, String requestedBy) {
    Opportunity opportunity = opportunities.byCode(opportunityCode);
    List<Activity> logged = opportunities.activitiesOf(opportunityCode);
    GateVerdict verdict = new GateFacts(opportunity, logged).judgedBy(rules.current(), stage, LocalDate.now(clock));
    GateRecord record = log.append(new GateRecord(opportunityCode, processInstanceId, verdict,
        write(verdict.failures()), write(verdict.warnings()), write(OpportunityView.of(opportunity, logged)),
        requestedBy, clock.instant()));
    GateDecision decision = new GateDecision(record.getId(), verdict, record.getEvaluatedAt(), null);
    DecisionsOfTransaction.add(opportunityCode, decision);
    return decision;
  }

  /**
   * The decision this transaction recorded for the gate that leaves {@code stage}, if it recorded one: how a use
   * case that drove the process learns what the gate it caused decided, without reading the record back.
   */
  public java.util.Optional<GateDecision> decidedInThisTransaction(String opportunityCode, String stage) {
    return DecisionsOfTransaction.last(opportunityCode, stage);
  }

  /**
   * The last decision recorded for the gate that leaves {@code stage}: how a use case that drove the
   * process learns what the gate it caused decided.
   */
  @Transactional(readOnly = true)
  public java.util.Optional<GateDecision> lastDecision(String opportunityCode, String stage) {
    return records.latestOf(opportunityCode, stage).map(this::decision);
  }

  /** The opportunity's most recent gate decision, whichever stage it was for: where its stage process stands. */
  @Transactional(readOnly = true)
  public java.util.Optional<GateDecision> latestDecision(String opportunityCode) {
    // a decision this transaction recorded is the latest one: the opportunity's process moves one command at a time
    java.util.Optional<GateDecision> mine = DecisionsOfTransaction.latest(opportunityCode);
    if (mine.isPresent() || DecisionsOfTransaction.knowsAllOf(opportunityCode)) {
      return mine;
    }
    return records.latestOf(opportunityCode).map(this::decision);
  }

  /** An opportunity opened in this transaction has no gate record yet: its first task's caption reads none. */
  @EventListener
  void on(OpportunityOpened opened) {
    DecisionsOfTransaction.opened(opened.code());
  }

  private GateDecision decision(GateRecord r) {
    try {
      return new GateDecision(r.getId(), new GateVerdict(r.getProcessKey(), r.getStage(), r.getVerdict(),
          json.readValue(r.getFailuresJson(), CRITERIA), json.readValue(r.getWarningsJson(), CRITERIA),
          r.getRulesVersion()), r.getEvaluatedAt(), r.getApprovedBy());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Gate record " + r.getId() + " holds unreadable JSON", e);
    }
  }

  /** Every gate decision of an opportunity, oldest first, without its facts: what a stage timeline needs. */
  @Transactional(readOnly = true)
  public List<GateOutcome> outcomes(String opportunityCode) {
    return records.findByOpportunityCodeOrderByIdAsc(opportunityCode).stream()
        .map(r -> new GateOutcome(r.getId(), r.getProcessInstanceId(), r.getStage(), r.getVerdict(), r.getRequestedBy(),
            r.getApprovedBy(), r.getExceptionId(), r.getEvaluatedAt()))
        .toList();
  }

  @Transactional(readOnly = true)
  public List<GateRecordView> history(String opportunityCode) {
    return records.findByOpportunityCodeOrderByIdAsc(opportunityCode).stream().map(this::view).toList();
  }

  private GateRecordView view(GateRecord r) {
    try {
      return new GateRecordView(r.getId(), r.getOpportunityCode(), r.getProcessKey(), r.getProcessInstanceId(),
          r.getStage(), r.getVerdict(), json.readTree(r.getFailuresJson()), json.readTree(r.getWarningsJson()),
          r.getRulesVersion(), json.readTree(r.getFactsJson()), r.getRequestedBy(), r.getEvaluatedAt(),
          r.getApprovedBy(), r.getOverrideReason(), r.getExceptionId(), r.getSeq(), r.getPrevHash(), r.getHash());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Gate record " + r.getId() + " holds unreadable JSON", e);
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write gate record JSON", e);
    }
  }
}

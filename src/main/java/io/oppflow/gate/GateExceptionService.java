package io.oppflow.gate;

import io.oppflow.gate.internal.GateException;
import io.oppflow.gate.internal.GateExceptionNotFoundException;
import io.oppflow.gate.internal.GateExceptionRepository;
import io.oppflow.gate.internal.GateExceptionStateException;
import io.oppflow.gate.internal.GateLog;
import io.oppflow.gate.internal.GateRecord;
import io.oppflow.gate.internal.GateRecordRepository;
import io.oppflow.shared.InvalidRequestException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oppflow.opportunity.OpportunityService;
import io.oppflow.organization.Actor;
import io.oppflow.shared.Refusals;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exceptions to failed gates, on the record: a rep asks with a reason, a manager approves or rejects with
 * a reason, and an approval appends an OVERRIDDEN gate record naming the approver.
 */
@Service
public class GateExceptionService {

  private final GateExceptionRepository exceptions;
  private final GateRecordRepository records;
  private final GateLog log;
  private final OpportunityService opportunities;
  private final ObjectMapper json;
  private final Clock clock;

  GateExceptionService(GateExceptionRepository exceptions, GateRecordRepository records, GateLog log,
      OpportunityService opportunities, ObjectMapper json, Clock clock) {
    this.exceptions = exceptions;
    this.records = records;
    this.log = log;
    this.opportunities = opportunities;
    this.json = json;
    this.clock = clock;
  }

  /** Asks for an exception to the last, failed, evaluation of the gate that leaves {@code stage}. */
  @Transactional(propagation = Propagation.MANDATORY)
  public GateExceptionView request(String opportunityCode, String stage, String requestedBy, String reason) {
    requireReason("exceptionReason", reason);
    GateRecord last = records.latestOf(opportunityCode, stage)
        .orElseThrow(() -> new GateExceptionStateException("请先申请推进：" + opportunityCode + " 的 " + stage
            + " 阶段关卡尚未评估 / Ask for the advance first: the " + stage + " gate has not been evaluated for " + opportunityCode));
    if (last.getVerdict() != Verdict.FAILED) {
      throw new GateExceptionStateException(opportunityCode + " 最近一次 " + stage + " 阶段关卡未失败（" + last.getVerdict()
          + "）：无需例外 / The last " + stage + " gate of " + opportunityCode + " did not fail (" + last.getVerdict()
          + "): there is nothing to except");
    }
    return view(exceptions.save(new GateException(last, requestedBy, reason.strip(), clock.instant())));
  }

  /**
   * The exception that waits for a decision in this process instance. Which exception a decision is about
   * is the database's answer for the instance, never an id a caller sends.
   */
  @Transactional(readOnly = true)
  public GateExceptionView pendingIn(String processInstanceId) {
    return view(pending(processInstanceId));
  }

  /** The exception waiting for a decision in this process instance, if there is one. */
  @Transactional(readOnly = true)
  public Optional<GateExceptionView> findPendingIn(String processInstanceId) {
    return exceptions.findFirstByProcessInstanceIdAndStatusOrderByIdDesc(processInstanceId, GateExceptionStatus.PENDING)
        .map(this::view);
  }

  private GateException pending(String processInstanceId) {
    return exceptions.findFirstByProcessInstanceIdAndStatusOrderByIdDesc(processInstanceId, GateExceptionStatus.PENDING)
        .orElseThrow(() -> new GateExceptionStateException("没有等待审批的例外 / No exception is waiting for a decision here"));
  }

  /**
   * Approves the exception for a manager of the opportunity's org unit (or a unit above it); appends the
   * OVERRIDDEN record. Every door (our API, Tasklist, {@code /engine-rest}) decides through here.
   *
   * @throws io.oppflow.opportunity.OpportunityAccessDeniedException if {@code manager} does not manage the opportunity
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public GateExceptionView approvePendingIn(String processInstanceId, Actor manager, String reason) {
    GateException exception = pending(processInstanceId);
    opportunities.decidableBy(exception.opportunityCode(), manager);
    requireReason("exceptionDecisionReason", reason);
    exception.approve(manager.userId(), reason.strip(), clock.instant());
    GateRecord failed = records.findById(exception.failedRecordId()).orElseThrow();
    String facts = write(opportunities.view(exception.opportunityCode()));
    log.append(GateRecord.overridden(failed, exception, facts, clock.instant()));
    DecisionsOfTransaction.forget(exception.opportunityCode());
    return view(exception);
  }

  /** Rejects the exception, for the same managers as {@link #approve}. */
  @Transactional(propagation = Propagation.MANDATORY)
  public GateExceptionView rejectPendingIn(String processInstanceId, Actor manager, String reason) {
    GateException exception = pending(processInstanceId);
    opportunities.decidableBy(exception.opportunityCode(), manager);
    requireReason("exceptionDecisionReason", reason);
    exception.reject(manager.userId(), reason.strip(), clock.instant());
    return view(exception);
  }

  @Transactional(readOnly = true)
  public GateExceptionView get(long id) {
    return view(exceptions.findById(id).orElseThrow(() -> new GateExceptionNotFoundException(id)));
  }

  @Transactional(readOnly = true)
  public List<GateExceptionView> of(String opportunityCode) {
    return exceptions.findByOpportunityCodeOrderByIdAsc(opportunityCode).stream().map(this::view).toList();
  }

  private GateExceptionView view(GateException e) {
    GateRecord failed = records.findById(e.failedRecordId()).orElseThrow();
    Long overridden = records.findByOpportunityCodeOrderByIdAsc(e.opportunityCode()).stream()
        .filter(r -> e.id().equals(r.getExceptionId())).map(GateRecord::getId).findFirst().orElse(null);
    try {
      return new GateExceptionView(e.id(), e.opportunityCode(), e.processInstanceId(), e.stage(), e.status(),
          json.readTree(failed.getFailuresJson()), failed.getId(), e.requestedBy(), e.requestedAt(),
          e.requestReason(), e.decidedBy(), e.decidedAt(), e.decisionReason(), overridden);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("Gate record " + failed.getId() + " holds unreadable JSON", ex);
    }
  }

  private static void requireReason(String field, String reason) {
    if (reason == null || reason.isBlank()) {
      throw InvalidRequestException.of(field, "请填写理由 / a reason is required");
    }
    if (reason.length() > 2000) {
      throw InvalidRequestException.of(field, Refusals.atMost(2000));
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

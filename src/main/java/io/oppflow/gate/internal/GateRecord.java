package io.oppflow.gate.internal;

import io.oppflow.gate.GateVerdict;
import io.oppflow.gate.Verdict;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One gate evaluation, as it happened: which opportunity, which gate, the verdict and its criteria,
 * the rules version, the facts the rules saw, who asked and when. Written once, never changed; its place in the
 * hash chain (seq, prev_hash, hash) is added once, by the sealer, after the record committed.
 */
@Entity
@Table(name = "gate_record")
public class GateRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "opportunity_code", nullable = false, updatable = false)
  private String opportunityCode;

  @Column(name = "process_key", nullable = false, updatable = false)
  private String processKey;

  @Column(name = "process_instance_id", updatable = false)
  private String processInstanceId;

  @Column(nullable = false, updatable = false)
  private String stage;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private Verdict verdict;

  @Column(name = "failures_json", nullable = false, updatable = false)
  private String failuresJson;

  @Column(name = "warnings_json", nullable = false, updatable = false)
  private String warningsJson;

  @Column(name = "rules_version", nullable = false, updatable = false)
  private String rulesVersion;

  @Column(name = "facts_json", nullable = false, updatable = false)
  private String factsJson;

  @Column(name = "requested_by", nullable = false, updatable = false)
  private String requestedBy;

  @Column(name = "evaluated_at", nullable = false, updatable = false)
  private Instant evaluatedAt;

  @Column(name = "approved_by", updatable = false)
  private String approvedBy;

  @Column(name = "override_reason", updatable = false)
  private String overrideReason;

  @Column(name = "exception_id", updatable = false)
  private Long exceptionId;

  /**
   * The record's place in the gate log's hash chain (1, 2, ...); null until {@link GateLogSealer} has sealed it,
   * moments after its transaction committed. The application never writes the seal through JPA.
   */
  @Column(insertable = false, updatable = false, unique = true)
  private Long seq;

  @Column(name = "prev_hash", insertable = false, updatable = false)
  private String prevHash;

  /** {@link GateRecordDigest#hash} over this record's content and {@link #prevHash}. */
  @Column(insertable = false, updatable = false)
  private String hash;

  protected GateRecord() {}

  public GateRecord(String opportunityCode, String processInstanceId, GateVerdict verdict, String failuresJson,
      String warningsJson, String factsJson, String requestedBy, Instant evaluatedAt) {
    this.opportunityCode = opportunityCode;
    this.processKey = verdict.process();
    this.processInstanceId = processInstanceId;
    this.stage = verdict.stage();
    this.verdict = verdict.verdict();
    this.failuresJson = failuresJson;
    this.warningsJson = warningsJson;
    this.rulesVersion = verdict.rulesVersion();
    this.factsJson = factsJson;
    this.requestedBy = requestedBy;
    this.evaluatedAt = GateLog.timeOf(evaluatedAt);
  }

  /** The record of an approved exception: the failed gate's criteria, now overridden by a manager. */
  public static GateRecord overridden(GateRecord failed, GateException exception, String factsJson, Instant at) {
    GateRecord r = new GateRecord();
    r.opportunityCode = failed.opportunityCode;
    r.processKey = failed.processKey;
    r.processInstanceId = failed.processInstanceId;
    r.stage = failed.stage;
    r.verdict = Verdict.OVERRIDDEN;
    r.failuresJson = failed.failuresJson;
    r.warningsJson = failed.warningsJson;
    r.rulesVersion = failed.rulesVersion;
    r.factsJson = factsJson;
    r.requestedBy = exception.requestedBy();
    r.evaluatedAt = GateLog.timeOf(at);
    r.approvedBy = exception.decidedBy();
    r.overrideReason = exception.decisionReason();
    r.exceptionId = exception.id();
    return r;
  }

  public Long getSeq() { return seq; }
  public String getPrevHash() { return prevHash; }
  public String getHash() { return hash; }
  public String getApprovedBy() { return approvedBy; }
  public String getOverrideReason() { return overrideReason; }
  public Long getExceptionId() { return exceptionId; }
  public Long getId() { return id; }
  public String getOpportunityCode() { return opportunityCode; }
  public String getProcessKey() { return processKey; }
  public String getProcessInstanceId() { return processInstanceId; }
  public String getStage() { return stage; }
  public Verdict getVerdict() { return verdict; }
  public String getFailuresJson() { return failuresJson; }
  public String getWarningsJson() { return warningsJson; }
  public String getRulesVersion() { return rulesVersion; }
  public String getFactsJson() { return factsJson; }
  public String getRequestedBy() { return requestedBy; }
  public Instant getEvaluatedAt() { return evaluatedAt; }
}

package io.oppflow.gate.internal;

import io.oppflow.gate.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A gate record as the API shows it, with its place in the gate log's hash chain; seq, prevHash and hash are absent
 * for the moment between the record's commit and its sealing.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GateRecordView(
    long id,
    String opportunityCode,
    String process,
    String processInstanceId,
    String stage,
    Verdict verdict,
    JsonNode failures,
    JsonNode warnings,
    String rulesVersion,
    JsonNode facts,
    String requestedBy,
    Instant evaluatedAt,
    String approvedBy,
    String overrideReason,
    Long exceptionId,
    Long seq,
    String prevHash,
    String hash) {}

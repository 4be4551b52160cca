package io.oppflow.gate;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A gate record as the API shows it. */
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
    Instant evaluatedAt) {}

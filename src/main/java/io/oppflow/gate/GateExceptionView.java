package io.oppflow.gate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A gate exception as the API shows it, with the failed criteria it asks to override. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GateExceptionView(
    long id,
    String opportunityCode,
    String processInstanceId,
    String stage,
    GateExceptionStatus status,
    JsonNode failures,
    long failedGateRecordId,
    String requestedBy,
    Instant requestedAt,
    String requestReason,
    String decidedBy,
    Instant decidedAt,
    String decisionReason,
    Long overriddenGateRecordId) {}

/**
 * Stage-gate compliance audit (合规审计) for managers: is the gate log intact (its hash chain, see
 * {@link io.oppflow.gate.GateLogVerifier}); which stage entries no passed gate or approved exception
 * allowed (bypasses); how gates were passed, failed and overridden per rep, org unit or criterion; and
 * what became of every exception. Read from the gate records and the stage intervals; what the engine's
 * user operation log knows about a bypass comes through the {@link io.oppflow.compliance.OperationLog} port.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Compliance audit", allowedDependencies = {"export", "funnel", "gate", "organization", "shared"})
package io.oppflow.compliance;

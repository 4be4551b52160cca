/**
 * Stage gates (阶段升迁标志): the qualification criteria an opportunity must meet to leave a stage.
 *
 * <p>A gate is a policy: {@link io.oppflow.gate.StageGateService#evaluate} returns a
 * {@link io.oppflow.gate.GateVerdict} naming every failed and warned criterion in Chinese and English
 * and the version of the rules that decided, and stores it as a {@link io.oppflow.gate.internal.GateRecord}.
 * The criteria are Drools rules in the top-level {@code rules/} folder; KIE types stay in this package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Stage gates", allowedDependencies = {"export", "opportunity", "organization", "shared"})
package io.oppflow.gate;

/**
 * The Camunda 7 edge: each opportunity runs as an instance of a stage process (business key = its code).
 *
 * <p>Delegates and listeners here are thin adapters bound by name in the BPMN
 * ({@code ${checkStageGate}}, {@code ${stageEntered}}, ...): they read ids from the execution, call the
 * opportunity or gate module, and write back a small flag. {@link io.oppflow.process.StageProgression}
 * advances or loses an opportunity for the REST API by completing the same stage task a rep completes
 * in Tasklist, so both doors run the same gate.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Process engine adapters", allowedDependencies = {"compliance", "demo", "funnel", "gate", "opportunity", "organization", "progression", "shared", "warning"})
package io.oppflow.process;

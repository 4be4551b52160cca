/**
 * Moving an opportunity through its funnel: advance (ask the stage's gate), lose, ask for and decide gate
 * exceptions. Each use case locks the opportunity, completes its stage task through the
 * {@link io.oppflow.progression.StageWorkflow} port (exactly as Tasklist does) and reads back what the
 * engine recorded: the gate record it caused, the opportunity's new stage.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Progression", allowedDependencies = {"export", "gate", "opportunity", "organization", "shared"})
package io.oppflow.progression;

/**
 * Early warnings (预警) over the funnel: opportunities that stalled in a stage beyond its dwell limit
 * (an open "review stalled opportunity" task), that skipped a stage, or that were reopened. Read from
 * the stage intervals and, through the {@link io.oppflow.warning.StalledReviews} port, from the process
 * engine's open review tasks; no engine types here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Warnings", allowedDependencies = {"export", "funnel", "organization", "shared"})
package io.oppflow.warning;

/**
 * Sales forecasts (业绩预测) from the funnel: the <em>weighted</em> method multiplies each open
 * opportunity's amount by its stage's win probability as modelled in the BPMN (the ideal model); the
 * <em>historical</em> method uses the win rate measured from the stage history over a past window. A
 * back-test replays both methods at the start of past periods against what was actually won, so a
 * manager sees which one to trust. The definitions are in {@code docs/metrics.md}, "Forecasts / 业绩预测".
 */
@org.springframework.modulith.ApplicationModule(displayName = "Forecast", allowedDependencies = {"export", "funnel", "organization", "shared"})
package io.oppflow.forecast;

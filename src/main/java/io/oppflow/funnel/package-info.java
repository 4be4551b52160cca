/**
 * The sales funnel (销售漏斗), derived from process history, never typed in: each stage an opportunity
 * entered is a {@link io.oppflow.funnel.StageIntervals stage interval} (entered, left, how); the
 * funnel metrics are computed over those intervals and the opportunities' slices. An opportunity's
 * {@link io.oppflow.funnel.StageTimeline stage timeline} is those intervals with the gate records that let it
 * out of each stage.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Funnel metrics", allowedDependencies = {"export", "gate", "opportunity", "organization", "shared"})
package io.oppflow.funnel;

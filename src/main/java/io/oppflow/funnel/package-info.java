/**
 * The sales funnel (销售漏斗), derived from process history, never typed in: each stage an opportunity
 * entered is a {@link io.oppflow.funnel.StageIntervals stage interval} (entered, left, how); the
 * funnel metrics are computed over those intervals and the opportunities' slices.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Funnel metrics", allowedDependencies = {"export", "opportunity", "organization", "shared"})
package io.oppflow.funnel;

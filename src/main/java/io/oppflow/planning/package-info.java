/**
 * Funnel planning (漏斗计划): ideal funnels (理想漏斗) per org unit and period, the comparison of the
 * actual funnel with the ideal one (漏斗比较), and the reverse calculation from a revenue target to the
 * opportunities needed per stage and per rep (漏斗计算). Builds on {@link io.oppflow.funnel}; see
 * docs/metrics.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Funnel planning", allowedDependencies = {"export", "funnel", "organization", "shared"})
package io.oppflow.planning;

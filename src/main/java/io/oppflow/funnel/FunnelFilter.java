package io.oppflow.funnel;

import java.time.LocalDate;

/**
 * Which part of the funnel to measure. Every field may be null (= no filter), but {@code process}: null
 * there means the default process ({@link StageProcesses}), which {@link FunnelService#funnel} settles.
 *
 * @param from first day of the period (inclusive): a stage entry counts if it happened in [from, to),
 *     a win or loss if the opportunity closed in it
 * @param to first day after the period (exclusive)
 * @param orgUnit an org unit path; matches it and every unit below it (segment-aware: HQ/East does not match HQ/Eastern)
 */
public record FunnelFilter(String process, LocalDate from, LocalDate to, String owner, String orgUnit, String region,
    String projectType, String customerType) {

  public FunnelFilter {
    process = process == null || process.isBlank() ? null : process.strip();
  }

  public static FunnelFilter of(String orgUnit, LocalDate from, LocalDate to, String process) {
    return new FunnelFilter(process, from, to, null, orgUnit, null, null, null);
  }

  public FunnelFilter withProcess(String newProcess) {
    return new FunnelFilter(newProcess, from, to, owner, orgUnit, region, projectType, customerType);
  }

  public FunnelFilter withOwner(String newOwner) {
    return new FunnelFilter(process, from, to, newOwner, orgUnit, region, projectType, customerType);
  }

  public FunnelFilter withOrgUnit(String newOrgUnit) {
    return new FunnelFilter(process, from, to, owner, newOrgUnit, region, projectType, customerType);
  }

  public FunnelFilter withPeriod(LocalDate newFrom, LocalDate newTo) {
    return new FunnelFilter(process, newFrom, newTo, owner, orgUnit, region, projectType, customerType);
  }
}

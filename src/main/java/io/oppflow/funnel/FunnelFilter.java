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
 * @param ownerAt whether {@code owner} and {@code orgUnit} (filters and groupings) are a stage entry's at the entry
 *     or the opportunity's now; null = {@link OwnerAt#ENTRY}
 */
public record FunnelFilter(String process, LocalDate from, LocalDate to, String owner, String orgUnit, String region,
    String projectType, String customerType, OwnerAt ownerAt) {

  public FunnelFilter {
    process = process == null || process.isBlank() ? null : process.strip();
    ownerAt = ownerAt == null ? OwnerAt.ENTRY : ownerAt;
  }

  /** A filter by the owner and org unit at each stage entry. */
  public FunnelFilter(String process, LocalDate from, LocalDate to, String owner, String orgUnit, String region,
      String projectType, String customerType) {
    this(process, from, to, owner, orgUnit, region, projectType, customerType, OwnerAt.ENTRY);
  }

  public static FunnelFilter of(String orgUnit, LocalDate from, LocalDate to, String process) {
    return new FunnelFilter(process, from, to, null, orgUnit, null, null, null);
  }

  public FunnelFilter withProcess(String newProcess) {
    return new FunnelFilter(newProcess, from, to, owner, orgUnit, region, projectType, customerType, ownerAt);
  }

  public FunnelFilter withOwner(String newOwner) {
    return new FunnelFilter(process, from, to, newOwner, orgUnit, region, projectType, customerType, ownerAt);
  }

  public FunnelFilter withOrgUnit(String newOrgUnit) {
    return new FunnelFilter(process, from, to, owner, newOrgUnit, region, projectType, customerType, ownerAt);
  }

  public FunnelFilter withOwnerAt(OwnerAt newOwnerAt) {
    return new FunnelFilter(process, from, to, owner, orgUnit, region, projectType, customerType, newOwnerAt);
  }

  public FunnelFilter withPeriod(LocalDate newFrom, LocalDate newTo) {
    return new FunnelFilter(process, newFrom, newTo, owner, orgUnit, region, projectType, customerType, ownerAt);
  }
}

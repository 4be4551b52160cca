package io.oppflow.organization;

/** A user placed in an org unit: the unit a rep works in or a manager manages. */
public record OrgUnitMember(String userId, String orgUnit) {}

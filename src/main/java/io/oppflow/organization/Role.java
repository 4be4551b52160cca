package io.oppflow.organization;

import java.util.Arrays;
import java.util.Optional;

/** The roles of the sales organisation; each is a Camunda group of the same id. */
public enum Role {
  REP("sales-rep"),
  EXPERT("sales-expert"),
  MANAGER("sales-manager"),
  OPS("sales-ops"),
  ADMIN("camunda-admin");

  private final String groupId;

  Role(String groupId) {
    this.groupId = groupId;
  }

  public String groupId() {
    return groupId;
  }

  public static Optional<Role> ofGroup(String groupId) {
    return Arrays.stream(values()).filter(r -> r.groupId.equals(groupId)).findFirst();
  }
}

package io.oppflow.organization;

import java.util.Optional;
import java.util.Set;

/**
 * Who is acting: a signed-in user with their roles and, for reps and managers, their org unit.
 *
 * @param orgUnit the user's org unit path (a rep's team, or the unit a manager manages); empty if none
 */
public record Actor(String userId, Set<Role> roles, Optional<String> orgUnit) {

  public Actor {
    roles = Set.copyOf(roles);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** Sales-ops and administrators see and may change every opportunity. */
  public boolean seesEverything() {
    return has(Role.OPS) || has(Role.ADMIN);
  }
}

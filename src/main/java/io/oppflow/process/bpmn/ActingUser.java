package io.oppflow.process.bpmn;

import io.oppflow.organization.Actor;
import io.oppflow.organization.OrgUnitDirectory;
import io.oppflow.organization.Role;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who acts in a stage process, taken from the engine's login, never from a process variable (which any
 * REST client could send): the user Camunda authenticated (Tasklist, {@code /engine-rest}, or our API,
 * whose use cases complete tasks signed in as their user) with the roles of their Camunda groups.
 * Without one, the engine itself acts (a timer, a job, the service's own start-up work):
 * {@link #SYSTEM}, which holds no role, so it may take no decision reserved to a role.
 */
public final class ActingUser {

  /** The engine acting on its own: no user signed in. */
  static final Actor SYSTEM = new Actor("system", Set.of(), Optional.empty());

  private ActingUser() {}

  static String of(ProcessEngineServices engine) {
    Authentication auth = engine.getIdentityService().getCurrentAuthentication();
    return auth != null && auth.getUserId() != null ? auth.getUserId() : SYSTEM.userId();
  }

  /** The acting user with roles and org unit, for decisions that depend on who may do what. */
  static Actor actor(ProcessEngineServices engine, OrgUnitDirectory directory) {
    Authentication auth = engine.getIdentityService().getCurrentAuthentication();
    if (auth == null || auth.getUserId() == null) {
      return SYSTEM;
    }
    return new Actor(auth.getUserId(), roles(auth.getGroupIds()), directory.orgUnitOf(auth.getUserId()));
  }

  private static Set<Role> roles(Collection<String> groupIds) {
    return groupIds == null ? Set.of()
        : groupIds.stream().flatMap(g -> Role.ofGroup(g).stream()).collect(Collectors.toSet());
  }
}

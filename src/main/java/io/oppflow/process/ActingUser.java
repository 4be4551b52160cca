package io.oppflow.process;

import io.oppflow.organization.Actor;
import io.oppflow.organization.OrgUnitDirectory;
import io.oppflow.organization.Role;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who acts in a stage process, taken from the login, never from a process variable (which any REST
 * client could send): our API's signed-in user while {@link StageProgression} completes a task for
 * them, otherwise the user Camunda authenticated (Tasklist, {@code /engine-rest}) with the roles of
 * their Camunda groups. Without either, the engine itself acts (a timer, a job, the service's own
 * start-up work): {@link #SYSTEM}, which holds no role, so it may take no decision reserved to a role.
 */
final class ActingUser {

  /** The engine acting on its own: no user signed in. */
  static final Actor SYSTEM = new Actor("system", Set.of(), Optional.empty());

  private static final ThreadLocal<Actor> API_ACTOR = new ThreadLocal<>();

  private ActingUser() {}

  /** Runs {@code call} on behalf of {@code actor}, signed in to our API. */
  static <T> T apiCall(Actor actor, Supplier<T> call) {
    Actor outer = API_ACTOR.get();
    API_ACTOR.set(actor);
    try {
      return call.get();
    } finally {
      if (outer == null) {
        API_ACTOR.remove();
      } else {
        API_ACTOR.set(outer);
      }
    }
  }

  /** Whether the current task completion comes from our API (the facts are already recorded). */
  static boolean isApiCall() {
    return API_ACTOR.get() != null;
  }

  static String of(ProcessEngineServices engine) {
    Actor api = API_ACTOR.get();
    if (api != null) {
      return api.userId();
    }
    Authentication auth = engine.getIdentityService().getCurrentAuthentication();
    return auth != null && auth.getUserId() != null ? auth.getUserId() : SYSTEM.userId();
  }

  /** The acting user with roles and org unit, for decisions that depend on who may do what. */
  static Actor actor(ProcessEngineServices engine, OrgUnitDirectory directory) {
    Actor api = API_ACTOR.get();
    if (api != null) {
      return api;
    }
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

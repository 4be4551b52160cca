package io.oppflow.process;

import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who acts in a stage process, taken from the login, never from a process variable (which any REST
 * client could send): our API's signed-in user while {@link StageProgression} completes a task for
 * them, otherwise the user Camunda authenticated (Tasklist, {@code /engine-rest}).
 */
final class ActingUser {

  private static final ThreadLocal<String> API_USER = new ThreadLocal<>();

  private ActingUser() {}

  /** Runs {@code call} on behalf of {@code userId}, signed in to our API. */
  static <T> T apiCall(String userId, Supplier<T> call) {
    String outer = API_USER.get();
    API_USER.set(userId);
    try {
      return call.get();
    } finally {
      if (outer == null) {
        API_USER.remove();
      } else {
        API_USER.set(outer);
      }
    }
  }

  /** Whether the current task completion comes from our API (the facts are already recorded). */
  static boolean isApiCall() {
    return API_USER.get() != null;
  }

  static String of(ProcessEngineServices engine) {
    String apiUser = API_USER.get();
    if (apiUser != null) {
      return apiUser;
    }
    Authentication auth = engine.getIdentityService().getCurrentAuthentication();
    return auth != null && auth.getUserId() != null ? auth.getUserId() : "system";
  }
}

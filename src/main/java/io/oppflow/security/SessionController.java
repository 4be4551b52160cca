package io.oppflow.security;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is signed in, for the pages' header, and the session's CSRF token, which the pages send with their changes
 * and with Camunda's logout. Same-origin only (no CORS), so no other site can read the token. Part of the pages,
 * not of the API: not in the OpenAPI description.
 */
@Hidden
@RestController
class SessionController {

  static final String PATH = "/pages/session";

  private final CamundaSession session;
  private final IdentityService identity;

  SessionController(CamundaSession session, IdentityService identity) {
    this.session = session;
    this.identity = identity;
  }

  @GetMapping(PATH)
  ResponseEntity<Map<String, String>> signedIn(HttpServletRequest request) {
    String user = SecurityContextHolder.getContext().getAuthentication().getName();
    String name = Optional.ofNullable(identity.createUserQuery().userId(user).singleResult())
        .map(SessionController::fullName).orElse(user);
    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
        .body(Map.of("user", user, "name", name, "csrfToken", session.csrfToken(request).orElse("")));
  }

  private static String fullName(User u) {
    String name = ((u.getFirstName() == null ? "" : u.getFirstName()) + " " + (u.getLastName() == null ? "" : u.getLastName())).trim();
    return name.isEmpty() ? u.getId() : name;
  }
}

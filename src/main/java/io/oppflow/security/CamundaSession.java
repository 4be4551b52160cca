package io.oppflow.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.stereotype.Component;

/**
 * What the Camunda webapps keep in the HTTP session after their login: the signed-in user of our engine
 * ({@code Authentications} under Camunda's session key, written by its login and emptied by its logout) and
 * the session's CSRF token (written by Camunda's {@code CsrfPreventionFilter} on the first webapp request). Our
 * pages and the API calls they make read both, so there is one login and one logout for the webapps and the pages.
 */
@Component
class CamundaSession {

  static final String CSRF_HEADER = CsrfConstants.CSRF_TOKEN_HEADER_NAME;

  private final String engineName;

  CamundaSession(ProcessEngine engine) {
    this.engineName = engine.getName();
  }

  /** The user signed in to the webapps in this request's session, if any; never creates a session. */
  Optional<String> user(HttpServletRequest request) {
    return signedIn(request).map(UserAuthentication::getIdentityId);
  }

  /**
   * The webapps' authentication of this session: the user and their groups as Camunda's login found them (and its
   * webapps refresh them every few minutes), so the pages see the user as Tasklist does.
   */
  Optional<UserAuthentication> signedIn(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentication signedIn = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engineName);
    return signedIn instanceof UserAuthentication user ? Optional.of(user) : Optional.empty();
  }

  /** The session's CSRF token as Camunda's webapps send it in {@value #CSRF_HEADER}; none before a webapp request. */
  Optional<String> csrfToken(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session == null ? Optional.empty()
        : Optional.ofNullable((String) session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME));
  }
}

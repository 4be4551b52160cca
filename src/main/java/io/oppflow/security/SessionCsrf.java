package io.oppflow.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * CSRF protection of the requests a browser session signs in: a change (anything but GET, HEAD, OPTIONS,
 * TRACE) made with the session cookie must send the session's Camunda CSRF token in {@code X-XSRF-TOKEN},
 * which a page of another site cannot read. Requests with HTTP Basic and anonymous ones are not asked for it
 * (the first carry no cookie-borne authority, the second get 401).
 */
final class SessionCsrf {

  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private SessionCsrf() {}

  static RequestMatcher protectedRequests(CamundaSession session) {
    return request -> !SAFE.contains(request.getMethod())
        && request.getHeader(HttpHeaders.AUTHORIZATION) == null
        && session.user(request).isPresent();
  }

  /** The token is Camunda's, kept in the session; this never makes or saves one. */
  static CsrfTokenRepository camundaTokens(CamundaSession session) {
    return new CsrfTokenRepository() {
      @Override
      public CsrfToken generateToken(HttpServletRequest request) {
        // only reached when the session has no token: a value no client has, so the request is refused
        return new DefaultCsrfToken(CamundaSession.CSRF_HEADER, "_csrf", UUID.randomUUID().toString());
      }

      @Override
      public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        // Camunda's filter owns the token
      }

      @Override
      public CsrfToken loadToken(HttpServletRequest request) {
        return session.csrfToken(request)
            .map(t -> (CsrfToken) new DefaultCsrfToken(CamundaSession.CSRF_HEADER, "_csrf", t)).orElse(null);
      }
    };
  }
}

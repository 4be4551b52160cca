package io.oppflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a request in as the user of its Camunda webapp session (Tasklist's login). A request that brings an
 * {@code Authorization} header is left to HTTP Basic, so API clients never depend on a session. Not a bean:
 * it runs only in the security chains that add it.
 */
class SessionAuthenticationFilter extends OncePerRequestFilter {

  private final CamundaSession session;
  private final CamundaIdentityAuthenticationProvider identities;

  SessionAuthenticationFilter(CamundaSession session, CamundaIdentityAuthenticationProvider identities) {
    this.session = session;
    this.identities = identities;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getHeader(HttpHeaders.AUTHORIZATION) == null
        && SecurityContextHolder.getContext().getAuthentication() == null) {
      session.signedIn(request).map(user -> identities.signedIn(user.getIdentityId(), user.getGroupIds())).ifPresent(auth -> {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
      });
    }
    chain.doFilter(request, response);
  }
}

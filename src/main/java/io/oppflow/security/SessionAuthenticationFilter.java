package io.oppflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a request in as the user of its Camunda webapp session (Tasklist's login). A request that brings an
 * {@code Authorization} header is left to HTTP Basic, so API clients never depend on a session. Not a bean:
 * it runs only in the security chains that add it.
 */
class SessionAuthenticationFilter extends OncePerRequestFilter {

  /** The signed-in user of a request's webapp session, as Spring Security knows users; empty without one. */
  private final Function<HttpServletRequest, Optional<Authentication>> sessionUser;

  SessionAuthenticationFilter(Function<HttpServletRequest, Optional<Authentication>> sessionUser) {
    this.sessionUser = sessionUser;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getHeader(HttpHeaders.AUTHORIZATION) == null
        && SecurityContextHolder.getContext().getAuthentication() == null) {
      sessionUser.apply(request).ifPresent(auth -> {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
      });
    }
    chain.doFilter(request, response);
  }
}

package io.oppflow.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * The door of oppflow's own browser pages: signed in by the Camunda webapps' session (one login with Tasklist
 * and Cockpit), never by a login of their own. A browser without that login is sent to Tasklist's sign-in, which
 * brings it back to the page it asked for ({@code returnTo}, handled by Tasklist's script return-to-page.js).
 */
@Component
public class BrowserPages {

  /** What a page's script sends so that a lost session answers 401 instead of a redirect or a Basic prompt. */
  public static final String SCRIPT_HEADER = "X-Requested-With";

  /** Scripts and styles from our own origin only; ECharts writes style attributes into its tooltips. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  private final CamundaSession session;
  private final CamundaIdentityAuthenticationProvider identities;
  private final String tasklist;

  BrowserPages(CamundaSession session, CamundaIdentityAuthenticationProvider identities,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    this.session = session;
    this.identities = identities;
    this.tasklist = webappPath + "/app/tasklist/default/";
  }

  /** The security chain of the pages that {@code pages} matches: pages, their scripts and styles. */
  public SecurityFilterChain securityChain(HttpSecurity http, RequestMatcher pages) throws Exception {
    signInBySession(http.securityMatcher(pages))
        .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
        .exceptionHandling(e -> e.authenticationEntryPoint(toSignIn())
            .accessDeniedHandler((req, res, ex) -> ProblemAuthenticationHandlers.write(res, HttpStatus.FORBIDDEN,
                ex instanceof CsrfException ? CSRF_REFUSED : "Your role may not do this")))
        .requestCache(cache -> cache.disable())
        // each response says how it may be cached: pages and scripts revalidate (304 when unchanged, so ECharts'
        // megabyte is not fetched again), the session's answer is never stored (PagesController, SessionController)
        .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)).cacheControl(c -> c.disable()));
    return http.build();
  }

  static final String CSRF_REFUSED = "A change made with a browser session needs the session's X-XSRF-TOKEN header";

  /**
   * Lets {@code http} accept the webapp session's user (alongside whatever else it accepts), with CSRF protection
   * of the changes made that way. Spring never makes or keeps a session itself: Camunda's login owns it.
   */
  HttpSecurity signInBySession(HttpSecurity http) throws Exception {
    return http
        .addFilterBefore(new SessionAuthenticationFilter(request -> session.signedIn(request)
            .map(user -> identities.signedIn(user.getIdentityId(), user.getGroupIds()))),
            BasicAuthenticationFilter.class)
        // Camunda's login already gave the session a new id; changing it again on every request would leave the
        // browser's parallel requests with an id that no longer exists
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS).sessionFixation(f -> f.none()))
        .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SessionCsrf.protectedRequests(session))
            .csrfTokenRepository(SessionCsrf.camundaTokens(session))
            .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()));
  }

  /** A page asked for without a login goes to Tasklist's sign-in and comes back; a script's request gets 401. */
  private AuthenticationEntryPoint toSignIn() {
    return (request, response, ex) -> {
      if (!"GET".equals(request.getMethod()) || request.getHeader(SCRIPT_HEADER) != null) {
        ProblemAuthenticationHandlers.write(response, HttpStatus.UNAUTHORIZED, "Sign in to Tasklist first");
        return;
      }
      response.sendRedirect(tasklist + "?returnTo=" + URLEncoder.encode(requested(request), StandardCharsets.UTF_8));
    };
  }

  private static String requested(HttpServletRequest request) {
    String query = request.getQueryString();
    return request.getRequestURI() + (query == null ? "" : "?" + query);
  }
}

package io.oppflow.security;

import io.oppflow.organization.Role;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import java.util.stream.Stream;

/**
 * Two doors (three with our pages, {@link BrowserPages}). Our API, its documentation and Actuator: HTTP Basic,
 * stateless, health open to all; also the Camunda webapp session of a signed-in browser, for our pages' calls,
 * with CSRF protection.
 * Camunda's webapps and {@code /engine-rest}: Camunda authenticates them itself (the webapp login;
 * {@link ProcessEngineAuthenticationFilter} with HTTP Basic on the REST API), so Spring lets them through.
 */
@Configuration
class SecurityConfig {

  @Bean
  AuthenticationManager authenticationManager(CamundaIdentityAuthenticationProvider provider) {
    return new ProviderManager(provider);
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManager authentication, BrowserPages pages)
      throws Exception {
    AuthenticationEntryPoint signIn = (req, res, ex) -> {
      // a page's script gets no Basic challenge, else the browser would pop up its own login dialog
      if (req.getHeader(BrowserPages.SCRIPT_HEADER) == null) {
        res.setHeader("WWW-Authenticate", "Basic realm=\"oppflow\"");
      }
      ProblemAuthenticationHandlers.write(res, HttpStatus.UNAUTHORIZED, "Sign in with HTTP Basic");
    };
    // Camunda's REST filter lets /engine-rest/engine (the engine list) through; we do not.
    http.securityMatcher(new OrRequestMatcher(Stream.of("/api/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
            "/actuator/**", "/engine-rest/engine", "/engine-rest/engine/")
            .map(p -> (RequestMatcher) AntPathRequestMatcher.antMatcher(p)).toList()))
        .authenticationManager(authentication)
        .authorizeHttpRequests(auth -> auth
            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
            // metrics (incl. the compliance check's counts) and info: operations, not every sales user
            .requestMatchers("/actuator/**").hasAnyAuthority(
                CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX + Role.OPS.groupId(),
                CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX + Role.ADMIN.groupId())
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.realmName("oppflow").authenticationEntryPoint(signIn))
        .exceptionHandling(e -> e
            .authenticationEntryPoint(signIn)
            .accessDeniedHandler((req, res, ex) -> ProblemAuthenticationHandlers.write(res, HttpStatus.FORBIDDEN,
                ex instanceof CsrfException ? BrowserPages.CSRF_REFUSED : "Your role may not do this")));
    // our pages call the API with the webapp session; HTTP Basic clients are not affected
    pages.signInBySession(http);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain camundaSecurity(HttpSecurity http) throws Exception {
    // Camunda's webapps bring their own login and CSRF protection; /engine-rest has the filter below.
    http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .headers(h -> h.frameOptions(f -> f.sameOrigin()));
    return http.build();
  }

  /** Before Spring Security and Camunda's filters, so a throttled client never reaches a password check. */
  @Bean
  FilterRegistrationBean<LoginThrottleFilter> loginThrottling(LoginThrottle throttle,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<LoginThrottleFilter> filter = new FilterRegistrationBean<>(new LoginThrottleFilter(throttle, webappPath));
    filter.setName("oppflow-login-throttle");
    filter.addUrlPatterns("/*");
    filter.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return filter;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> filter = new FilterRegistrationBean<>();
    filter.setName("camunda-engine-rest-authentication");
    filter.setFilter(new ProcessEngineAuthenticationFilter());
    filter.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    filter.addUrlPatterns("/engine-rest/*");
    filter.setOrder(100);
    return filter;
  }
}

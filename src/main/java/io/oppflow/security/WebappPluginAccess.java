package io.oppflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The plugin APIs of Cockpit, Admin and Tasklist ({@code /camunda/api/cockpit/plugin/...}) only for users
 * who may open that app. Camunda checks the app only for its pages ({@code /camunda/app/cockpit/...}); its
 * plugin APIs ask the engine's authorizations alone, so any signed-in Tasklist user could call Cockpit's
 * statistics. The app decision is the one Camunda made at login (the session's authorized apps).
 */
@Configuration
class WebappPluginAccess {

  /** {@code /camunda/api/{app}/plugin/{plugin}/{engine}/...}; a plugin's static files stay open. */
  private static final Pattern PLUGIN_API = Pattern.compile("^/camunda/api/(cockpit|admin|tasklist)/plugin/[^/]+/([^/]+)/.*");

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> webappPluginAccessFilter() {
    FilterRegistrationBean<OncePerRequestFilter> filter = new FilterRegistrationBean<>(new PluginAppFilter());
    filter.setName("oppflow-webapp-plugin-access");
    filter.addUrlPatterns("/camunda/api/cockpit/*", "/camunda/api/admin/*", "/camunda/api/tasklist/*");
    return filter;
  }

  static final class PluginAppFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Matcher api = PLUGIN_API.matcher(request.getRequestURI().substring(request.getContextPath().length()));
      HttpSession session = request.getSession(false);
      if (api.matches() && !api.group(2).equals("static") && session != null) {
        Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
        if (auths != null && auths.getAuthenticationForProcessEngine(api.group(2)) instanceof UserAuthentication user
            && !user.isAuthorizedForApp(api.group(1))) {
          ProblemAuthenticationHandlers.write(response, HttpStatus.FORBIDDEN,
              "您的角色无权使用 " + api.group(1) + " / Your role may not use " + api.group(1));
          return;
        }
      }
      // not signed in: Camunda's own filter answers 401
      chain.doFilter(request, response);
    }
  }
}

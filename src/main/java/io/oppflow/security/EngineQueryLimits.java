package io.oppflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine answers a signed-in user's query with at most {@code oppflow.engine.query-max-results} rows
 * ({@code queryMaxResultsLimit}) and refuses a larger {@code maxResults} (400). A list asked for without
 * {@code maxResults} — which Camunda would refuse as unbounded — gets the limit as its page size, so
 * existing clients keep working and still never receive more than one bounded page.
 */
@Configuration
class EngineQueryLimits {

  @Bean
  FilterRegistrationBean<DefaultMaxResults> engineQueryDefaultPage(@Value("${oppflow.engine.query-max-results}") int limit,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<DefaultMaxResults> filter = new FilterRegistrationBean<>(new DefaultMaxResults(limit));
    filter.setName("oppflow-engine-query-default-page");
    // Cockpit's plugin queries too (its dashboard statistics are an engine query under the same limit)
    filter.addUrlPatterns("/engine-rest/*", webappPath + "/api/engine/*", webappPath + "/api/cockpit/*");
    filter.setOrder(200);
    return filter;
  }

  static final class DefaultMaxResults extends OncePerRequestFilter {
    private final String limit;

    DefaultMaxResults(int limit) {
      this.limit = String.valueOf(limit);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      boolean query = "GET".equals(request.getMethod()) || "POST".equals(request.getMethod());
      // the query string only: reading parameters here would consume a form body meant for the resource
      String q = request.getQueryString();
      boolean paged = q != null && ("&" + q).contains("&maxResults=");
      chain.doFilter(query && !paged ? new WithMaxResults(request, limit) : request, response);
    }
  }

  private static final class WithMaxResults extends HttpServletRequestWrapper {
    private final String limit;

    WithMaxResults(HttpServletRequest request, String limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public String getQueryString() {
      String q = super.getQueryString();
      return (q == null || q.isEmpty() ? "" : q + "&") + "maxResults=" + limit;
    }

    @Override
    public String getParameter(String name) {
      return "maxResults".equals(name) ? limit : super.getParameter(name);
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      Map<String, String[]> map = new LinkedHashMap<>(super.getParameterMap());
      map.put("maxResults", new String[] {limit});
      return Collections.unmodifiableMap(map);
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(getParameterMap().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
      return "maxResults".equals(name) ? new String[] {limit} : super.getParameterValues(name);
    }
  }
}

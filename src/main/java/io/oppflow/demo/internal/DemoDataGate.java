package io.oppflow.demo.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.BooleanSupplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the demo data is generated (the demo profile's first start) the service serves nobody: the clock stands
 * at a simulated moment of the past year and the funnel is half made. Every request but the health probes gets
 * 503 with {@code Retry-After}: a problem detail, or for a browser a small page that reloads itself.
 */
class DemoDataGate extends OncePerRequestFilter {

  static final String RETRY_AFTER_SECONDS = "10";
  private static final String DETAIL = "正在生成演示数据，请稍候 / The demo data is being generated; try again in a"
      + " moment";

  private final BooleanSupplier generating;

  DemoDataGate(BooleanSupplier generating) {
    this.generating = generating;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !generating.getAsBoolean() || path.startsWith("/actuator/health");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!generating.getAsBoolean()) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    response.setCharacterEncoding("UTF-8");
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    if ("GET".equals(request.getMethod()) && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
      response.setContentType(MediaType.TEXT_HTML_VALUE);
      response.getWriter().write("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
          + "<meta http-equiv=\"refresh\" content=\"" + RETRY_AFTER_SECONDS + "\"><title>oppflow</title></head>"
          + "<body><p>正在生成演示数据（过去 12 个月的商机），仅在首次启动时进行，约需两分钟，本页会自动刷新。</p>"
          + "<p lang=\"en\">Generating the demo data (a year of opportunities); this happens on the first start only, takes about"
          + " two minutes, and the page reloads itself.</p></body></html>");
      return;
    }
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
        + "\"detail\":\"" + DETAIL + "\"}");
  }
}

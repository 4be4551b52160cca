package io.oppflow.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Nobody is served while the demo data is generated, except the health probes; everybody once it has ended. */
class DemoDataGateTests {

  private final AtomicBoolean generating = new AtomicBoolean(true);
  private final DemoDataGate gate = new DemoDataGate(generating::get);

  private MockHttpServletResponse call(String method, String path, String accept) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    if (accept != null) {
      request.addHeader("Accept", accept);
    }
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    gate.doFilter(request, response, chain);
    if (chain.getRequest() != null) {
      response.setStatus(200);
    }
    return response;
  }

  @Test
  void shouldAnswerTheApiWithAProblemAndRetryAfterWhileGenerating() throws Exception {
    MockHttpServletResponse response = call("POST", "/api/opportunities", "application/json");
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("10");
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(response.getContentAsString()).contains("\"status\":503", "demo data", "演示数据");
  }

  @Test
  void shouldShowABrowserAPageThatReloadsItselfWhileGenerating() throws Exception {
    MockHttpServletResponse response = call("GET", "/funnel", "text/html,application/xhtml+xml");
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getContentType()).startsWith("text/html");
    assertThat(response.getContentAsString()).contains("http-equiv=\"refresh\"", "演示数据", "demo data");
  }

  @Test
  void shouldLetTheHealthProbesThroughWhileGenerating() throws Exception {
    assertThat(call("GET", "/actuator/health/readiness", null).getStatus()).isEqualTo(200);
  }

  @Test
  void shouldServeEveryoneOnceTheGenerationHasEnded() throws Exception {
    generating.set(false);
    assertThat(call("GET", "/funnel", "text/html").getStatus()).isEqualTo(200);
    assertThat(call("POST", "/api/opportunities", "application/json").getStatus()).isEqualTo(200);
  }
}

package io.oppflow.problem;

import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link EngineRestErrors} in place of Camunda's exception mappers on both doors to the engine's REST
 * resources: {@code /engine-rest} (the REST starter's Jersey application) and {@code /camunda/api/engine}
 * (the webapps' copy of the same resources). Camunda's mappers — and Jersey's Jackson ones — are left out
 * rather than outranked, so which mapper answers never depends on registration order.
 */
@Configuration
class EngineRestErrorConfig {

  /** {@code /engine-rest}: Camunda's resources and providers, our mapper instead of theirs. */
  @Bean
  CamundaJerseyResourceConfig camundaJerseyResourceConfig() {
    return new CamundaJerseyResourceConfig() {
      @Override
      protected void registerCamundaRestResources() {
        registerClasses(CamundaRestResources.getResourceClasses());
        registerClasses(withoutExceptionMappers(CamundaRestResources.getConfigurationClasses()));
        register(JacksonFeature.withoutExceptionMappers());
        register(new EngineRestErrors());
        register(new NullBodyRefusal());
      }
    };
  }

  /**
   * The webapps' engine API, registered under Camunda's servlet name before Camunda's initializer runs,
   * which then leaves it alone ({@code CamundaBpmWebappInitializer} only adds a servlet not yet there).
   */
  @Bean
  ServletRegistrationBean<ServletContainer> webappEngineApi(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String applicationPath) {
    ResourceConfig config = ResourceConfig.forApplication(new WebappEngineApi());
    // Jersey's Jackson feature would add its own JSON exception mappers; Camunda's provider is registered.
    config.property("jersey.config.jsonFeature", "CamundaJacksonJsonProvider");
    ServletRegistrationBean<ServletContainer> servlet =
        new ServletRegistrationBean<>(new ServletContainer(config), applicationPath + "/api/engine/*");
    servlet.setName("Engine Api");
    servlet.setOrder(0);
    return servlet;
  }

  /** Camunda's {@link EngineRestApplication} without its exception mappers, with ours. */
  static final class WebappEngineApi extends Application {
    private final EngineRestApplication camunda = new EngineRestApplication();

    @Override
    public Set<Class<?>> getClasses() {
      return withoutExceptionMappers(camunda.getClasses());
    }

    @Override
    public Set<Object> getSingletons() {
      return Set.of(new EngineRestErrors(), new NullBodyRefusal());
    }
  }

  private static Set<Class<?>> withoutExceptionMappers(Set<Class<?>> classes) {
    Set<Class<?>> kept = new LinkedHashSet<>();
    for (Class<?> c : classes) {
      if (!ExceptionMapper.class.isAssignableFrom(c)) {
        kept.add(c);
      }
    }
    return kept;
  }
}

package io.oppflow.security;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
class WebConfig implements WebMvcConfigurer {

  static {
    // The signed-in actor is resolved from the login, not sent by the client.
    org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(io.oppflow.organization.Actor.class);
  }

  private final ActorArgumentResolver actors;

  WebConfig(ActorArgumentResolver actors) {
    this.actors = actors;
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(actors);
  }
}

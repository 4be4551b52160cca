package io.oppflow.pages;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The libraries under {@code /_static/} (ECharts, bpmn-js) carry their version in the path, so a browser may keep
 * them for a year without asking again: a page then loads and compiles them from its cache. The pages' own
 * scripts have no version in their path and stay revalidated on every load (application.yml).
 */
@Configuration
class VersionedAssets implements WebMvcConfigurer {

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler("/_static/**")
        .addResourceLocations("classpath:/META-INF/resources/_static/")
        .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
  }
}

package io.oppflow.demo.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The gate in front of every other filter (login throttling, Spring Security, Camunda's webapps and REST). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "oppflow.demo.data.enabled", havingValue = "true")
class DemoDataGateConfig {

  @Bean
  FilterRegistrationBean<DemoDataGate> demoDataGate(DemoDataGenerator generator) {
    FilterRegistrationBean<DemoDataGate> filter = new FilterRegistrationBean<>(new DemoDataGate(generator::running));
    filter.setName("oppflow-demo-data-gate");
    filter.addUrlPatterns("/*");
    filter.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return filter;
  }
}

package io.oppflow.process.deployment;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.util.CamundaSpringBootUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine configuration, made as the Camunda starter makes it (every {@link ProcessEnginePlugin} bean in one
 * composite plugin, the starter's own configurers among them), with the mappings read ahead at start-up and the
 * timers' duration factory named (see {@link TimerDurationFactory}).
 */
@Configuration(proxyBeanMethods = false)
class EngineConfigurationSetup {

  @Bean
  ProcessEngineConfigurationImpl processEngineConfigurationImpl(List<ProcessEnginePlugin> plugins,
      EngineMappingsHeadStart mappings) {
    TimerDurationFactory.useTheJdks();
    SpringProcessEngineConfiguration configuration =
        CamundaSpringBootUtil.initCustomFields(new HeadStartedEngineConfiguration(mappings));
    configuration.getProcessEnginePlugins().add(new CompositeProcessEnginePlugin(plugins));
    return configuration;
  }
}

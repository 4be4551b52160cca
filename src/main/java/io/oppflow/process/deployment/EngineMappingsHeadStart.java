package io.oppflow.process.deployment;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.ibatis.builder.xml.XMLConfigBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ReflectUtil;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Reads Camunda's MyBatis mappings (several hundred SQL statements in XML, seconds of CPU on a cold JVM) on a
 * thread of its own while the rest of the service starts, so the engine's build does not do it on the main
 * thread after Hibernate and Flyway.
 *
 * <p>The mappings depend only on the database type and the table prefix, which are known from the configuration
 * before any bean exists ({@code spring.datasource.url}, {@code camunda.bpm.database.type} and
 * {@code table-prefix}). The engine takes the result through {@link #take} only if the type and prefix it
 * determined itself are the ones guessed here; otherwise it reads the mappings itself, as Camunda always does.
 */
@Component
class EngineMappingsHeadStart implements BeanFactoryPostProcessor, EnvironmentAware {

  /** The mappings read for one database type and table prefix. */
  record Mappings(String databaseType, String tablePrefix, Configuration configuration) {}

  private final AtomicReference<CompletableFuture<Mappings>> pending = new AtomicReference<>();
  private String databaseType;
  private String tablePrefix = "";

  @Override
  public void setEnvironment(Environment environment) {
    databaseType = Optional.ofNullable(environment.getProperty("camunda.bpm.database.type"))
        .orElseGet(() -> typeOf(environment.getProperty("spring.datasource.url", "")));
    tablePrefix = environment.getProperty("camunda.bpm.database.table-prefix", "");
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    if (databaseType == null) {
      return;
    }
    String type = databaseType;
    String prefix = tablePrefix;
    pending.set(CompletableFuture.supplyAsync(() -> new Mappings(type, prefix, read(type, prefix)), task -> {
      Thread thread = new Thread(task, "engine-mappings-read");
      thread.setDaemon(true);
      thread.start();
    }));
  }

  /**
   * The mappings read ahead, if they were read for this database type and table prefix; once. Empty when they
   * were not, or reading them failed (the engine then reads them itself and reports what is wrong).
   */
  Optional<Configuration> take(String engineDatabaseType, String engineTablePrefix) {
    CompletableFuture<Mappings> started = pending.getAndSet(null);
    if (started == null) {
      return Optional.empty();
    }
    try {
      Mappings mappings = started.join();
      return mappings.databaseType().equals(engineDatabaseType) && mappings.tablePrefix().equals(engineTablePrefix)
          ? Optional.of(mappings.configuration()) : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Camunda's type names for the JDBC URLs this service is run with; null (no head start) for any other. */
  static String typeOf(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      return "h2";
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return "postgres";
    }
    return null;
  }

  /** What the engine's own {@code initSqlSessionFactory} reads, with the properties it gives them. */
  static Configuration read(String databaseType, String tablePrefix) {
    Properties properties = new Properties();
    properties.put("prefix", tablePrefix);
    ProcessEngineConfigurationImpl.initSqlSessionFactoryProperties(properties, tablePrefix, databaseType);
    try (InputStream in = ReflectUtil.getResourceAsStream(ProcessEngineConfigurationImpl.DEFAULT_MYBATIS_MAPPING_FILE)) {
      return new XMLConfigBuilder(new InputStreamReader(in, StandardCharsets.UTF_8), "", properties).parse();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

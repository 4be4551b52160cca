package io.oppflow.process.deployment;

import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.defaults.DefaultSqlSessionFactory;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;

/**
 * The Spring engine configuration of the Camunda starter, except that it takes the MyBatis mappings
 * {@link EngineMappingsHeadStart} read ahead when they match the database it found; it then sets on them what
 * the engine's own {@code initSqlSessionFactory} sets after reading them.
 */
class HeadStartedEngineConfiguration extends SpringProcessEngineConfiguration {

  private final transient EngineMappingsHeadStart mappings;
  private boolean mappingsReadAhead;

  HeadStartedEngineConfiguration(EngineMappingsHeadStart mappings) {
    this.mappings = mappings;
  }

  @Override
  protected void initSqlSessionFactory() {
    if (sqlSessionFactory == null && !isUseSharedSqlSessionFactory) {
      mappings.take(databaseType, databaseTablePrefix).ifPresent(configuration -> {
        configuration.setEnvironment(new Environment("default", transactionFactory, dataSource));
        configuration.setDefaultStatementTimeout(jdbcStatementTimeout);
        if (isJdbcBatchProcessing()) {
          configuration.setDefaultExecutorType(ExecutorType.BATCH);
        }
        sqlSessionFactory = new DefaultSqlSessionFactory(configuration);
        mappingsReadAhead = true;
      });
    }
    super.initSqlSessionFactory();
  }

  /** Whether this engine runs on the mappings read ahead (else it read them itself). */
  boolean mappingsReadAhead() {
    return mappingsReadAhead;
  }
}

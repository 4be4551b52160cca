package io.oppflow.process.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeSet;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine runs on the MyBatis mappings read while the service started, and they are exactly what Camunda
 * reads itself for this database: the same statements with the same SQL, on the engine's data source.
 */
abstract class EngineMappingsContract {

  @Autowired ProcessEngineConfigurationImpl engine;

  abstract String databaseType();

  @Test
  void the_engine_runs_on_the_mappings_read_ahead() {
    assertThat(engine).isInstanceOf(HeadStartedEngineConfiguration.class);
    assertThat(((HeadStartedEngineConfiguration) engine).mappingsReadAhead()).isTrue();
    assertThat(engine.getDatabaseType()).isEqualTo(databaseType());
  }

  @Test
  void they_are_what_the_engine_reads_itself_for_its_database() {
    Configuration running = engine.getSqlSessionFactory().getConfiguration();
    Configuration own = EngineMappingsHeadStart.read(engine.getDatabaseType(), engine.getDatabaseTablePrefix());

    assertThat(new TreeSet<>(running.getMappedStatementNames())).isEqualTo(new TreeSet<>(own.getMappedStatementNames()));
    for (String id : new TreeSet<>(own.getMappedStatementNames())) {
      MappedStatement statement = own.getMappedStatement(id, false);
      if (statement.getSqlSource() instanceof org.apache.ibatis.builder.StaticSqlSource
          || statement.getSqlSource() instanceof org.apache.ibatis.scripting.defaults.RawSqlSource) {
        assertThat(running.getMappedStatement(id, false).getBoundSql(null).getSql()).as(id)
            .isEqualTo(statement.getBoundSql(null).getSql());
      }
    }
    assertThat(running.getEnvironment().getDataSource()).isSameAs(engine.getDataSource());
    assertThat(running.getDefaultExecutorType()).isEqualTo(engine.isJdbcBatchProcessing()
        ? org.apache.ibatis.session.ExecutorType.BATCH : org.apache.ibatis.session.ExecutorType.SIMPLE);
  }
}

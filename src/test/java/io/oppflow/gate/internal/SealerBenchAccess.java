package io.oppflow.gate.internal;

import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** Builds the gate log's sealer outside Spring, on any data source: for the benchmark in io.oppflow.bench. */
public final class SealerBenchAccess {

  private SealerBenchAccess() {}

  public static GateLogSealer sealer(DataSource dataSource, MeterRegistry metrics) {
    return new GateLogSealer(new JdbcTemplate(dataSource), new DataSourceTransactionManager(dataSource), metrics);
  }
}

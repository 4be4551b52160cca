package io.oppflow.gate;

import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Builds the gate log's verifier outside Spring, on any data source: for the benchmark in io.oppflow.bench. */
public final class GateBenchAccess {

  private GateBenchAccess() {}

  public static GateLogVerifier verifier(DataSource dataSource) {
    return new GateLogVerifier(new JdbcTemplate(dataSource));
  }
}

package io.oppflow.funnel;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Builds the funnel service outside Spring, on any data source: for the benchmark in io.oppflow.bench. */
public final class FunnelBenchAccess {

  private FunnelBenchAccess() {}

  public static FunnelService service(DataSource dataSource, List<StageDefinition> stages) {
    return new FunnelService(new FunnelMetricsQuery(new NamedParameterJdbcTemplate(dataSource)), process -> stages);
  }
}

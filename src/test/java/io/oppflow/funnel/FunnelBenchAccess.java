package io.oppflow.funnel;

import io.oppflow.shared.Message;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Builds the funnel service outside Spring, on any data source: for the benchmark in io.oppflow.bench. */
public final class FunnelBenchAccess {

  private FunnelBenchAccess() {}

  /** The funnel service of one stage process {@code process} with these stages. */
  public static FunnelService service(DataSource dataSource, String process, List<StageDefinition> stages) {
    StageCatalog catalog = new StageCatalog() {
      @Override
      public List<StageDefinition> stagesOf(String processKey) {
        return process.equals(processKey) ? stages : List.of();
      }

      @Override
      public List<StageProcess> processes() {
        return List.of(new StageProcess(process, new Message(process, process), 1, stages));
      }
    };
    StageProcesses processes = new StageProcesses(catalog, new ProcessUsage(new JdbcTemplate(dataSource)),
        new StageProcessProperties(null));
    return new FunnelService(new FunnelMetricsQuery(new NamedParameterJdbcTemplate(dataSource)), catalog, processes,
        new ParallelQueries());
  }
}

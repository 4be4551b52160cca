package io.oppflow.support;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A real PostgreSQL for integration tests: an embedded server started from Maven Central binaries
 * (works as root, no install), or the server named by {@code OPPFLOW_TEST_PG_URL}
 * ({@code OPPFLOW_TEST_PG_USER}, {@code OPPFLOW_TEST_PG_PASSWORD}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestPostgresConfiguration {

  /** Holds the embedded server, if one was started; Spring closes it after the data source. */
  public record PostgresServer(EmbeddedPostgres embedded) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  @Bean(destroyMethod = "close")
  PostgresServer postgresServer() {
    if (System.getenv("OPPFLOW_TEST_PG_URL") != null) {
      return new PostgresServer(null);
    }
    try {
      // Its own shutdown hook would race Spring's: the context closes it after the engine stops.
      return new PostgresServer(EmbeddedPostgres.builder().setRegisterShutdownHook(false).start());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
    }
  }

  @Bean(destroyMethod = "close")
  @Primary
  DataSource dataSource(PostgresServer server) {
    HikariDataSource ds = new HikariDataSource();
    if (server.embedded() != null) {
      ds.setJdbcUrl(server.embedded().getJdbcUrl("postgres", "postgres"));
      ds.setUsername("postgres");
      ds.setPassword("postgres");
    } else {
      ds.setJdbcUrl(System.getenv("OPPFLOW_TEST_PG_URL"));
      ds.setUsername(System.getenv().getOrDefault("OPPFLOW_TEST_PG_USER", "postgres"));
      ds.setPassword(System.getenv().getOrDefault("OPPFLOW_TEST_PG_PASSWORD", ""));
    }
    ds.setMaximumPoolSize(10);
    return ds;
  }
}

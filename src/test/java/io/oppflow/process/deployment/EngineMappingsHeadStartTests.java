package io.oppflow.process.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The mappings are read ahead only for a database whose type is known before the engine looks, and handed over once. */
class EngineMappingsHeadStartTests {

  @Test
  void knows_the_type_of_the_databases_the_service_runs_on() {
    assertThat(EngineMappingsHeadStart.typeOf("jdbc:h2:file:./data/oppflow")).isEqualTo("h2");
    assertThat(EngineMappingsHeadStart.typeOf("jdbc:postgresql://db:5432/oppflow")).isEqualTo("postgres");
    assertThat(EngineMappingsHeadStart.typeOf("jdbc:oracle:thin:@db:1521/x")).isNull();
  }

  @Test
  void hands_them_over_once_and_only_for_the_database_they_were_read_for() {
    EngineMappingsHeadStart forH2 = started("jdbc:h2:mem:x", "");
    assertThat(forH2.take("postgres", "")).isEmpty();
    assertThat(started("jdbc:h2:mem:x", "").take("h2", "other_")).isEmpty();

    EngineMappingsHeadStart again = started("jdbc:h2:mem:x", "");
    assertThat(again.take("h2", "")).isPresent();
    assertThat(again.take("h2", "")).isEmpty();
  }

  @Test
  void an_explicit_database_type_wins_over_the_url() {
    EngineMappingsHeadStart headStart = new EngineMappingsHeadStart();
    headStart.setEnvironment(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:mem:x")
        .withProperty("camunda.bpm.database.type", "postgres"));
    headStart.postProcessBeanFactory(null);
    assertThat(headStart.take("postgres", "")).isPresent();
  }

  @Test
  void reads_nothing_ahead_for_an_unknown_database() {
    assertThat(started("jdbc:oracle:thin:@db:1521/x", "").take("oracle", "")).isEmpty();
  }

  private static EngineMappingsHeadStart started(String url, String prefix) {
    EngineMappingsHeadStart headStart = new EngineMappingsHeadStart();
    headStart.setEnvironment(new MockEnvironment().withProperty("spring.datasource.url", url)
        .withProperty("camunda.bpm.database.table-prefix", prefix));
    headStart.postProcessBeanFactory(null);
    return headStart;
  }
}

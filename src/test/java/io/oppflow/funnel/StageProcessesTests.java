package io.oppflow.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oppflow.shared.InvalidRequestException;
import io.oppflow.shared.Message;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The default-process rule on its own: which process a reading that names none is about, given how many
 * opportunities in view run in each deployed process (the counting query runs in {@link StageProcessApiTests}).
 */
class StageProcessesTests {

  static final List<StageProcess> DEPLOYED = List.of(process("classic-funnel"), process("project-sales-funnel"));

  static StageProcess process(String key) {
    return new StageProcess(key, new Message(key, key), 1,
        List.of(new StageDefinition("S", 1, new Message("S", "S"), BigDecimal.ONE, null)));
  }

  static StageProcesses rule(String configured, Map<String, Long> inView) {
    StageCatalog catalog = new StageCatalog() {
      @Override
      public List<StageDefinition> stagesOf(String processKey) {
        return DEPLOYED.stream().filter(p -> p.key().equals(processKey)).findFirst().map(StageProcess::stages).orElse(List.of());
      }

      @Override
      public List<StageProcess> processes() {
        return DEPLOYED;
      }
    };
    ProcessUsage usage = new ProcessUsage(null) {
      @Override
      Map<String, Long> count(String orgUnit, String owner) {
        return inView;
      }
    };
    return new StageProcesses(catalog, usage, new StageProcessProperties(configured));
  }

  @Test
  void shouldTakeTheProcessMostOpportunitiesInViewRunIn() {
    assertThat(rule("project-sales-funnel", Map.of("classic-funnel", 3L, "project-sales-funnel", 1L)).resolve(null, null, "rep"))
        .isEqualTo("classic-funnel");
  }

  @Test
  void shouldTakeTheConfiguredProcessWithNoOpportunitiesInView() {
    assertThat(rule("project-sales-funnel", Map.of()).resolve(null, null, "rep")).isEqualTo("project-sales-funnel");
  }

  @Test
  void shouldIgnoreOpportunitiesOfProcessesNoLongerDeployed() {
    assertThat(rule("project-sales-funnel", Map.of("retired-funnel", 9L)).resolve(" ", "HQ", null))
        .isEqualTo("project-sales-funnel");
  }

  @Test
  void shouldGiveATieToTheConfiguredProcessThenToTheFirstKey() {
    Map<String, Long> tie = Map.of("classic-funnel", 2L, "project-sales-funnel", 2L);
    assertThat(rule("project-sales-funnel", tie).resolve(null, null, null)).isEqualTo("project-sales-funnel");
    assertThat(rule(null, tie).resolve(null, null, null)).isEqualTo("classic-funnel");
  }

  @Test
  void shouldFallBackToTheFirstProcessWhenNoneOrAnUndeployedOneIsConfigured() {
    assertThat(rule(null, Map.of()).resolve(null, null, null)).isEqualTo("classic-funnel");
    assertThat(rule("no-such-process", Map.of()).resolve(null, null, null)).isEqualTo("classic-funnel");
  }

  @Test
  void shouldKeepTheProcessTheCallerNamesAndRefuseAnUnknownOneNamingProcess() {
    StageProcesses rule = rule("project-sales-funnel", Map.of("classic-funnel", 5L));
    assertThat(rule.resolve(" project-sales-funnel ", null, null)).isEqualTo("project-sales-funnel");
    assertThatThrownBy(() -> rule.resolve("no-such-process", null, null))
        .isInstanceOfSatisfying(InvalidRequestException.class,
            e -> assertThat(e.errors()).singleElement().satisfies(error -> {
              assertThat(error.field()).isEqualTo("process");
              assertThat(error.message()).contains("no-such-process");
            }));
  }
}

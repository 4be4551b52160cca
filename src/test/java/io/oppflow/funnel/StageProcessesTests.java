package io.oppflow.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oppflow.organization.Actor;
import io.oppflow.organization.Role;
import io.oppflow.shared.InvalidRequestException;
import io.oppflow.shared.Message;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which process a reading or a new opportunity is about, on its own: the one named, else the only deployed one,
 * else a refusal naming {@code process} with the choices; and, apart from it, the process a page preselects,
 * given how many opportunities in view run in each deployed process (the counting query runs in
 * {@link StageProcessApiTests}).
 */
class StageProcessesTests {

  static final List<StageProcess> DEPLOYED = List.of(process("classic-funnel"), process("project-sales-funnel"));
  static final Actor OPS = new Actor("ops", java.util.Set.of(Role.OPS), java.util.Optional.empty());

  static StageProcess process(String key) {
    return new StageProcess(key, new Message(key, key), 1,
        List.of(new StageDefinition("S", 1, new Message("S", "S"), BigDecimal.ONE, null)));
  }

  static StageProcesses rule(String configured, Map<String, Long> inView) {
    return rule(DEPLOYED, configured, inView);
  }

  static StageProcesses rule(List<StageProcess> deployed, String configured, Map<String, Long> inView) {
    StageCatalog catalog = new StageCatalog() {
      @Override
      public List<StageDefinition> stagesOf(String processKey) {
        return deployed.stream().filter(p -> p.key().equals(processKey)).findFirst().map(StageProcess::stages).orElse(List.of());
      }

      @Override
      public List<StageProcess> processes() {
        return deployed;
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
  void shouldUseTheOnlyDeployedProcessWhenNoneIsNamed() {
    StageProcesses one = rule(List.of(process("classic-funnel")), "project-sales-funnel", Map.of());

    assertThat(one.resolve(null)).isEqualTo("classic-funnel");
    assertThat(one.resolve(" ")).isEqualTo("classic-funnel");
  }

  @Test
  void shouldRefuseNamingNoneOfSeveralProcessesListingTheChoicesWhateverIsInViewOrConfigured() {
    StageProcesses two = rule("project-sales-funnel", Map.of("classic-funnel", 3L));

    assertThatThrownBy(() -> two.resolve(null)).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
      assertThat(e.errors()).singleElement().satisfies(error -> {
        assertThat(error.field()).isEqualTo("process");
        assertThat(error.message()).contains("classic-funnel").contains("project-sales-funnel");
      });
      assertThat(e.getBody().getProperties()).containsEntry("choices", List.of("classic-funnel", "project-sales-funnel"));
    });
    assertThatThrownBy(() -> two.resolve(null, "HQ", "rep")).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void shouldRefuseEveryReadingWhenNoStageProcessIsDeployed() {
    StageProcesses none = rule(List.of(), null, Map.of());

    assertThatThrownBy(() -> none.resolve(null)).isInstanceOfSatisfying(InvalidRequestException.class,
        e -> assertThat(e.getBody().getProperties()).containsEntry("choices", List.of()));
    assertThat(none.suggestedFor(OPS)).isNull();
  }

  @Test
  void shouldKeepTheProcessTheCallerNamesAndRefuseAnUnknownOneNamingProcessAndTheChoices() {
    StageProcesses rule = rule("project-sales-funnel", Map.of("classic-funnel", 5L));
    assertThat(rule.resolve(" project-sales-funnel ")).isEqualTo("project-sales-funnel");
    assertThatThrownBy(() -> rule.resolve("no-such-process"))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("process");
            assertThat(error.message()).contains("no-such-process");
          });
          assertThat(e.getBody().getProperties()).containsEntry("choices", List.of("classic-funnel", "project-sales-funnel"));
        });
  }

  @Test
  void shouldSuggestToAPageTheProcessMostOpportunitiesInViewRunIn() {
    assertThat(rule("project-sales-funnel", Map.of("classic-funnel", 3L, "project-sales-funnel", 1L)).suggestedFor(OPS))
        .isEqualTo("classic-funnel");
  }

  @Test
  void shouldSuggestTheConfiguredProcessWithNoOpportunitiesInView() {
    assertThat(rule("project-sales-funnel", Map.of()).suggestedFor(OPS)).isEqualTo("project-sales-funnel");
  }

  @Test
  void shouldIgnoreOpportunitiesOfProcessesNoLongerDeployed() {
    assertThat(rule("project-sales-funnel", Map.of("retired-funnel", 9L)).suggestedFor(OPS)).isEqualTo("project-sales-funnel");
  }

  @Test
  void shouldGiveATieToTheConfiguredProcessThenToTheFirstKey() {
    Map<String, Long> tie = Map.of("classic-funnel", 2L, "project-sales-funnel", 2L);
    assertThat(rule("project-sales-funnel", tie).suggestedFor(OPS)).isEqualTo("project-sales-funnel");
    assertThat(rule(null, tie).suggestedFor(OPS)).isEqualTo("classic-funnel");
  }

  @Test
  void shouldFallBackToTheFirstProcessWhenNoneOrAnUndeployedOneIsConfigured() {
    assertThat(rule(null, Map.of()).suggestedFor(OPS)).isEqualTo("classic-funnel");
    assertThat(rule("no-such-process", Map.of()).suggestedFor(OPS)).isEqualTo("classic-funnel");
  }
}

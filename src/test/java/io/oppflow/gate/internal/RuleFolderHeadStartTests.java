package io.oppflow.gate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.oppflow.gate.Criterion;
import io.oppflow.gate.GateRequest;
import io.oppflow.gate.GateVerdict;
import io.oppflow.gate.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/**
 * The rule folder is compiled while the service starts, and what the start-up then serves is exactly that
 * compile, or nothing of it: it is handed over only for the same files, only once, and never for DRL outside
 * the allowlist.
 */
class RuleFolderHeadStartTests {

  private static final String WARNS = RuleSetCheckerTests.rule("TARGET-90 head start", "",
      "insert( Finding.warning( \"TARGET-90\", \"中\", \"en\" ) );");

  @TempDir Path folder;

  @Test
  void hands_over_the_folder_compiled_while_the_service_started() throws IOException {
    Files.writeString(folder.resolve("target.drl"), WARNS);
    RuleFolderHeadStart headStart = startedOn(folder);

    Optional<RuleFolderHeadStart.Compiled> taken = headStart.take(RuleFiles.read(folder));

    assertThat(taken).isPresent();
    RuleSet rules = taken.get().rulesOrThrow().orElseThrow();
    assertThat(rules.version()).isEqualTo(RuleFiles.read(folder).version());
    assertThat(rules.covers("project-sales-funnel", "TARGET")).isTrue();
    GateVerdict verdict = rules.evaluate(new GateRequest("project-sales-funnel", "TARGET", LocalDate.of(2026, 12, 3)));
    assertThat(verdict.warnings()).extracting(Criterion::code).containsExactly("TARGET-90");
  }

  @Test
  void hands_it_over_once_so_a_later_compile_of_the_same_files_is_its_own() throws IOException {
    Files.writeString(folder.resolve("target.drl"), WARNS);
    RuleFolderHeadStart headStart = startedOn(folder);

    assertThat(headStart.take(RuleFiles.read(folder))).isPresent();
    assertThat(headStart.take(RuleFiles.read(folder))).isEmpty();
  }

  @Test
  void does_not_hand_it_over_for_other_files_and_keeps_it_for_the_folder() throws IOException {
    Files.writeString(folder.resolve("target.drl"), WARNS);
    RuleFolderHeadStart headStart = startedOn(folder);
    Path other = Files.createDirectory(folder.resolveSibling(folder.getFileName() + "-other"));
    Files.writeString(other.resolve("target.drl"), WARNS.replace("TARGET-90", "TARGET-91"));

    assertThat(headStart.take(RuleFiles.read(other))).isEmpty();
    assertThat(headStart.take(RuleFiles.read(folder))).isPresent();
  }

  @Test
  void compiles_nothing_outside_the_allowlist() throws IOException {
    Files.writeString(folder.resolve("target.drl"), RuleSetCheckerTests.rule("TARGET-92 exits", "", "System.exit( 1 );"));
    RuleFolderHeadStart headStart = startedOn(folder);

    RuleFolderHeadStart.Compiled taken = headStart.take(RuleFiles.read(folder)).orElseThrow();

    assertThat(taken.checked().safe()).isFalse();
    assertThat(taken.rulesOrThrow()).isEmpty();
  }

  @Test
  void compiles_nothing_of_a_folder_that_cannot_be_read() throws IOException {
    Files.writeString(folder.resolve("target.drl"), WARNS.replaceFirst("\\bwhen\\b", "when ("));
    RuleFolderHeadStart headStart = startedOn(folder);

    RuleFolderHeadStart.Compiled taken = headStart.take(RuleFiles.read(folder)).orElseThrow();

    assertThat(taken.checked().readable()).isFalse();
    assertThat(taken.checked().unreadable()).extracting(RuleProblem::file).contains("target.drl");
    assertThat(taken.rulesOrThrow()).isEmpty();
  }

  @Test
  void a_discarded_head_start_hands_over_nothing() throws IOException {
    Files.writeString(folder.resolve("target.drl"), WARNS);
    RuleFolderHeadStart headStart = startedOn(folder);

    headStart.discard();

    assertThat(headStart.take(RuleFiles.read(folder))).isEmpty();
  }

  @Test
  void without_a_start_there_is_nothing_to_take() throws IOException {
    Files.writeString(folder.resolve("target.drl"), WARNS);

    assertThat(new RuleFolderHeadStart().take(RuleFiles.read(folder))).isEmpty();
  }

  private static RuleFolderHeadStart startedOn(Path folder) {
    RuleFolderHeadStart headStart = new RuleFolderHeadStart();
    headStart.setEnvironment(new MockEnvironment().withProperty("oppflow.rules-dir", folder.toString()));
    headStart.postProcessBeanFactory(null);
    return headStart;
  }
}

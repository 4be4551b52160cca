package io.oppflow.gate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code docs/stage-gates.md} lists every criterion as the shipped rules state it: code, kind and both messages. */
class StageGatesDocTests {

  @Test
  void shouldListEveryCriterionOfTheRulesWithItsKindAndMessages() throws IOException {
    List<String> rows = Files.readAllLines(Path.of("docs", "stage-gates.md"), StandardCharsets.UTF_8).stream()
        .filter(line -> line.matches("\\| [A-Z_]+-\\d+ \\| [A-Z_]+ \\| `[a-z_/.]+` \\| .*"))
        .toList();

    ShippedRules.RULES.criteria().values().forEach(c -> assertThat(rows)
        .as(c.code() + " in the list 'Every criterion' of docs/stage-gates.md")
        .anySatisfy(row -> assertThat(row).startsWith("| " + c.code() + " | ")
            .contains(c.blocking() ? "| blocking 阻断 |" : "| warning 提醒 |")
            .contains("| " + c.message().zh() + " | " + c.message().en() + " |")));
    assertThat(rows).as("no criterion listed that the rules do not state").hasSize(ShippedRules.RULES.criteria().size());
  }
}

package io.oppflow.gate.internal;

import io.oppflow.export.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The tables of a rule-change impact preview for CSV and XLSX, one per table the rules page shows. */
final class PreviewTables {

  private PreviewTables() {}

  static Table of(RuleChangePreview preview, PreviewTable table) {
    return switch (table) {
      case STAGES -> stages(preview);
      case CRITERIA -> criteria(preview);
      case EXAMPLES -> examples(preview);
    };
  }

  private static Table stages(RuleChangePreview p) {
    return new Table("rule-preview-stages", List.of("candidateVersion", "activeVersion", "process", "stage", "replayed",
        "unchanged", "passedToFailed", "failedToPassed", "notReplayed"),
        p.stages().stream().map(s -> Arrays.<Object>asList(p.candidateVersion(), p.activeVersion(), s.process(),
            s.stage(), s.replayed(), s.unchanged(), s.passedToFailed(), s.failedToPassed(), s.notReplayed())).toList());
  }

  private static Table criteria(RuleChangePreview p) {
    return new Table("rule-preview-criteria", List.of("candidateVersion", "activeVersion", "criterion", "messageZh",
        "messageEn", "newlyFailing", "noLongerFailing"),
        p.criteria().stream().map(c -> Arrays.<Object>asList(p.candidateVersion(), p.activeVersion(), c.code(),
            c.message() == null ? null : c.message().zh(), c.message() == null ? null : c.message().en(),
            c.newlyFailing(), c.noLongerFailing())).toList());
  }

  /** The example records, passed → failed ones first, as the page lists them before a drill narrows them. */
  private static Table examples(RuleChangePreview p) {
    List<List<Object>> rows = new ArrayList<>();
    p.examples().passedToFailed().forEach(e -> rows.add(example("passedToFailed", e)));
    p.examples().failedToPassed().forEach(e -> rows.add(example("failedToPassed", e)));
    return new Table("rule-preview-examples", List.of("change", "recordId", "opportunityCode", "process", "stage",
        "evaluatedAt", "rulesVersion", "recordedVerdict", "oldVerdict", "newVerdict", "newlyFailing",
        "noLongerFailing"), rows);
  }

  private static List<Object> example(String change, RuleChangePreview.Example e) {
    return Arrays.asList(change, e.recordId(), e.opportunityCode(), e.process(), e.stage(), e.evaluatedAt(),
        e.rulesVersion(), e.recordedVerdict(), e.oldVerdict(), e.newVerdict(), codes(e.newlyFailing()), codes(e.noLongerFailing()));
  }

  private static String codes(List<String> codes) {
    return codes == null ? "" : String.join("; ", codes);
  }
}

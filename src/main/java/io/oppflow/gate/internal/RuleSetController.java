package io.oppflow.gate.internal;

import io.oppflow.export.ExportRequest;
import io.oppflow.shared.InvalidRequestException;
import io.oppflow.organization.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Rules 关卡规则")
public class RuleSetController {

  /**
   * The rule-set versions, the active one first among equals, and the recent audit trail; {@code mayChange}
   * tells whether the asking user may upload, preview and activate (so a page shows those controls only then).
   */
  record RuleSetsView(String active, List<RuleSetVersionView> versions, List<RuleSetVersionView.Event> events,
      boolean mayChange) {}

  private final RuleSetService rules;
  private final RuleChangePreviewService previews;

  RuleSetController(RuleSetService rules, RuleChangePreviewService previews) {
    this.rules = rules;
    this.previews = previews;
  }

  @GetMapping("/api/rules")
  @Operation(summary = "Rule-set versions (active, who, when, files) and the audit trail of rule changes; "
      + "CSV/XLSX of the versions, or with table=events of the audit trail")
  ResponseEntity<?> list(@RequestParam(value = "table", required = false) String table, ExportRequest export,
      Actor actor) {
    RuleSetTable which = RuleSetTable.parse(table);
    List<RuleSetVersionView> versions = rules.versions();
    String active = versions.stream().filter(RuleSetVersionView::active).map(RuleSetVersionView::version).findFirst().orElse(null);
    RuleSetsView view = new RuleSetsView(active, versions, rules.events(), RuleSetPermissions.mayChangeRules(actor));
    return export.respond(view, () -> which == RuleSetTable.EVENTS ? GateTables.events(view.events())
        : GateTables.versions(view.versions()));
  }

  @PostMapping(value = "/api/rules", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Upload a whole rule set (parts named 'files': .drl, .drl.csv, .drl.xlsx, .cases.yaml; "
      + "the file name may carry its folder, e.g. projectsales/discover.drl); compiled and self-tested, then activated")
  RuleSetVersionView upload(@RequestParam("files") List<MultipartFile> files, Actor actor) {
    RuleSetPermissions.requireRuleAuthor(actor);
    return rules.upload(read(files), actor);
  }

  @PostMapping(value = "/api/rules/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Preview a rule change (规则变更影响预览): a whole rule set, as for the upload, is checked and "
      + "self-tested, then replayed over the gate records evaluated from 'from' to 'to' (dates, default the last 90 days; "
      + "at most 20,000 records, newest first): which verdicts would change, per stage and criterion, with examples. "
      + "Nothing is stored or activated. CSV/XLSX of the counts per stage, or with table=criteria per criterion, "
      + "or with table=examples of the example records")
  ResponseEntity<?> preview(@RequestParam("files") List<MultipartFile> files,
      @RequestParam(value = "from", required = false) String from, @RequestParam(value = "to", required = false) String to,
      @RequestParam(value = "examples", defaultValue = "" + RuleChangePreviewService.DEFAULT_EXAMPLES) int examples,
      @RequestParam(value = "table", required = false) String table, ExportRequest export,
      Actor actor) {
    RuleSetPermissions.requireRuleAuthor(actor);
    PreviewTable which = PreviewTable.parse(table);
    RuleChangePreview preview = previews.preview(read(files), from, to, examples, actor);
    return export.respond(preview, () -> PreviewTables.of(preview, which));
  }

  @PostMapping("/api/rules/{version}/activate")
  @Operation(summary = "Activate a stored rule-set version (roll back or forward)")
  RuleSetVersionView activate(@PathVariable String version, Actor actor) {
    return rules.activate(version, actor);
  }

  private static RuleSetFiles read(List<MultipartFile> parts) {
    Map<String, byte[]> files = new TreeMap<>();
    for (MultipartFile part : parts) {
      String path = part.getOriginalFilename() == null ? "" : part.getOriginalFilename().replace('\\', '/');
      if (!RuleSetFiles.isAcceptedPath(path)) {
        throw InvalidRequestException.of("files", "'" + path + "' 不是可接受的规则文件名（须为以 .drl、.drl.csv、"
            + ".drl.xlsx 或 .cases.yaml 结尾的相对路径） / '" + path + "' is not an accepted rule file name "
            + "(a relative path ending in .drl, .drl.csv, .drl.xlsx or .cases.yaml)");
      }
      try {
        if (files.put(path, part.getBytes()) != null) {
          throw InvalidRequestException.of("files", "'" + path + "' 上传了两次 / '" + path + "' is uploaded twice");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new RuleSetFiles(files);
  }
}

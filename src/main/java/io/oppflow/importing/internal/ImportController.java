package io.oppflow.importing.internal;

import io.oppflow.importing.ImportJobView;
import io.oppflow.organization.Actor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/imports}: CSV imports of past opportunities, run in the background. */
@RestController
@RequestMapping("/api/imports")
public class ImportController {

  private final ImportService imports;

  ImportController(ImportService imports) {
    this.imports = imports;
  }

  @PostMapping(consumes = "multipart/form-data")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Map<String, String> start(@RequestParam("file") MultipartFile file, @RequestParam("process") String process,
      Actor actor) {
    try {
      return Map.of("id", imports.start(file.getBytes(), file.getOriginalFilename(), process, actor));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @GetMapping("/{id}")
  ImportJobView job(@PathVariable String id, Actor actor) {
    return imports.job(id, actor);
  }
}

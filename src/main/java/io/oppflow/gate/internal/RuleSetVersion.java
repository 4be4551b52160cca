package io.oppflow.gate.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** A stored rule set: its files exactly as uploaded (or read from {@code rules/}), under its version. */
@Entity
@Table(name = "rule_set_version")
public class RuleSetVersion {

  /** Where a version came from: the rule folder at start-up, or an upload through the API. */
  public enum Source { STARTUP, UPLOAD }

  @Id
  private String version;

  @Column(nullable = false)
  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  private Source source;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "file_count", nullable = false)
  private int fileCount;

  @Column(name = "case_count", nullable = false)
  private int caseCount;

  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "rule_set_file", joinColumns = @JoinColumn(name = "version"))
  @MapKeyColumn(name = "path")
  @Column(name = "content", nullable = false)
  private Map<String, byte[]> files = new TreeMap<>();

  protected RuleSetVersion() {}

  RuleSetVersion(RuleSetFiles files, int caseCount, Source source, String createdBy, Instant createdAt) {
    this.version = files.version();
    this.source = source;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
    this.fileCount = files.all().size();
    this.caseCount = caseCount;
    this.files.putAll(files.all());
  }

  RuleSetFiles toFiles() {
    return new RuleSetFiles(files);
  }

  String version() { return version; }
  Source source() { return source; }
  String createdBy() { return createdBy; }
  Instant createdAt() { return createdAt; }
  int caseCount() { return caseCount; }
  java.util.Set<String> paths() { return new java.util.TreeSet<>(files.keySet()); }
}

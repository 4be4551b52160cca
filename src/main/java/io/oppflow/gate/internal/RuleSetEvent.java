package io.oppflow.gate.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The audit trail of rule changes: every upload (accepted or refused) and every activation. */
@Entity
@Table(name = "rule_set_event")
public class RuleSetEvent {

  enum Kind { UPLOADED, REFUSED, ACTIVATED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Kind kind;

  private String version;

  @Column(nullable = false)
  private String actor;

  @Column(name = "happened_at", nullable = false)
  private Instant happenedAt;

  private String detail;

  protected RuleSetEvent() {}

  RuleSetEvent(Kind kind, String version, String actor, Instant happenedAt, String detail) {
    this.kind = kind;
    this.version = version;
    this.actor = actor;
    this.happenedAt = happenedAt;
    this.detail = detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 3997) + "...";
  }

  Kind kind() { return kind; }
  String version() { return version; }
  String actor() { return actor; }
  Instant happenedAt() { return happenedAt; }
  String detail() { return detail; }
}

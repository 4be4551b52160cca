package io.oppflow.gate.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** That a version became the active rule set, who did it and when. The newest activation is in force. */
@Entity
@Table(name = "rule_set_activation")
public class RuleSetActivation {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String version;

  @Column(name = "activated_by", nullable = false)
  private String activatedBy;

  @Column(name = "activated_at", nullable = false)
  private Instant activatedAt;

  protected RuleSetActivation() {}

  RuleSetActivation(String version, String activatedBy, Instant activatedAt) {
    this.version = version;
    this.activatedBy = activatedBy;
    this.activatedAt = activatedAt;
  }

  String version() { return version; }
  String activatedBy() { return activatedBy; }
  Instant activatedAt() { return activatedAt; }
}

package io.oppflow.opportunity;

import java.time.Instant;
import java.util.Objects;

/**
 * An opportunity taken over from a spreadsheet or another CRM, with the history we know of it: when it
 * was created, where it stands now (an open one's stage, since when) or how, when and where it ended.
 *
 * @param stage the stage an open opportunity is in; null for a closed one
 * @param stageEnteredAt when an open opportunity entered its stage (its stall clock runs from then); null for a
 *     closed one
 * @param closedAt when a won or lost opportunity closed; null for an open one
 * @param loss why a lost one was lost; null otherwise
 * @param lostAtStage the stage a lost one was lost in; null if not known or not lost
 */
public record ImportedOpportunity(String code, String processKey, String owner, String orgUnit,
    OpportunityFacts facts, Instant createdAt, OpportunityStatus status, String stage, Instant stageEnteredAt,
    Instant closedAt, Loss loss, String lostAtStage) {

  public ImportedOpportunity {
    Objects.requireNonNull(code);
    Objects.requireNonNull(processKey);
    Objects.requireNonNull(facts);
    Objects.requireNonNull(createdAt);
    Objects.requireNonNull(status);
    orgUnit = io.oppflow.organization.OrgUnit.normalize(orgUnit);
  }
}

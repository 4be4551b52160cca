package io.oppflow.opportunity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;

/** A logged activity as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityView(long id, ActivityType type, LocalDate date, String contact, boolean decisionMaker,
    String note, String stage, String recordedBy, Instant recordedAt) {

  static ActivityView of(Activity a) {
    return new ActivityView(a.getId(), a.getType(), a.getDate(), a.getContact(), a.isDecisionMaker(), a.getNote(),
        a.getStage(), a.getRecordedBy(), a.getRecordedAt());
  }
}

package io.oppflow.opportunity;

import io.oppflow.shared.Refusals;
import io.oppflow.shared.InvalidRequestException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** Why an opportunity was lost, and to whom. */
@Embeddable
public class Loss {

  @Enumerated(EnumType.STRING)
  @Column(name = "lost_reason")
  private LossReason reason;

  @Column(name = "lost_competitor")
  private String competitor;

  @Column(name = "lost_note")
  private String note;

  protected Loss() {}

  private Loss(LossReason reason, String competitor, String note) {
    this.reason = reason;
    this.competitor = competitor;
    this.note = note;
  }

  /** A loss with its reason; a lost-to-competitor names the competitor, "other" says what happened. */
  public static Loss of(LossReason reason, String competitor, String note) {
    if (reason == null) {
      throw InvalidRequestException.of("reason", "请选择丢单原因：CUSTOMER_STOPPED、COMPETITOR 或 OTHER / "
          + "required: CUSTOMER_STOPPED, COMPETITOR or OTHER");
    }
    if (reason == LossReason.COMPETITOR && isBlank(competitor)) {
      throw InvalidRequestException.of("competitor", "请填写客户选择的竞争对手 / name the competitor the customer chose");
    }
    if (reason == LossReason.OTHER && isBlank(note)) {
      throw InvalidRequestException.of("note", "请说明丢单原因 / say why the opportunity was lost");
    }
    if (competitor != null && competitor.length() > 200) {
      throw InvalidRequestException.of("competitor", Refusals.atMost(200));
    }
    if (note != null && note.length() > 2000) {
      throw InvalidRequestException.of("note", Refusals.atMost(2000));
    }
    return new Loss(reason, isBlank(competitor) ? null : competitor.strip(), isBlank(note) ? null : note.strip());
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  public LossReason getReason() { return reason; }
  public String getCompetitor() { return competitor; }
  public String getNote() { return note; }
}

package io.oppflow.opportunity;

import io.oppflow.shared.InvalidRequestException;
/**
 * What a caller believed about an opportunity when it asked to move it: the version it read (the ETag
 * it sends as {@code If-Match}) and the stage it saw. A duplicate or late request no longer matches and
 * is refused, so an opportunity moves once however often the request arrives.
 *
 * @param version the version the caller read, or null
 * @param expectedStage the stage the caller saw, or null
 */
public record ChangePrecondition(Long version, String expectedStage) {

  public static final ChangePrecondition NONE = new ChangePrecondition(null, null);

  /**
   * The precondition of an HTTP request: its {@code If-Match} header (an ETag from GET, "*" or absent)
   * and the {@code expectedStage} of its body.
   */
  public static ChangePrecondition of(String ifMatch, String expectedStage) {
    if (expectedStage != null && expectedStage.isBlank()) {
      throw InvalidRequestException.of("expectedStage", "请填写您看到的阶段（如 TARGET），或不填 / "
          + "name the stage you saw, such as TARGET, or leave it out");
    }
    return new ChangePrecondition(versionOf(ifMatch), expectedStage == null ? null : expectedStage.strip());
  }

  /** The version an {@code If-Match} header names, or null for none or "*". */
  public static Long versionOf(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return null;
    }
    String v = ifMatch.replace("W/", "").replace("\"", "").strip();
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw InvalidRequestException.of("If-Match", "须为 GET 返回的 ETag，如 \"3\" / must be an ETag from GET, such as \"3\"");
    }
  }

  /**
   * @throws OpportunityPreconditionFailedException (412) if the version moved on
   * @throws OpportunityConflictException (409) if the opportunity is no longer in the expected stage
   */
  void check(Opportunity o) {
    if (version != null && version != o.getVersion()) {
      throw new OpportunityPreconditionFailedException(o.getCode(), version, o.getVersion());
    }
    if (expectedStage != null && !expectedStage.equals(o.getStage())) {
      throw new OpportunityConflictException("商机 " + o.getCode() + " 已在阶段 " + o.getStage() + "，不在 "
          + expectedStage + " / Opportunity " + o.getCode() + " is in stage " + o.getStage() + ", not "
          + expectedStage + ": it was moved meanwhile, read it again");
    }
  }
}

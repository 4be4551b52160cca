package io.oppflow.security;

import java.util.Collection;

/** The class of answer a cell of the access matrix expects. */
enum Expect {
  /** 2xx. */
  OK("2xx"),
  /** 2xx, but none of the fixture's records of another user shows in the body: a list filtered by authorization. */
  FILTERED("2xx-filtered"),
  UNAUTHORIZED("401"),
  FORBIDDEN("403"),
  /** 403 or 404: the record is not there for this user, or they may not touch it. */
  HIDDEN("403/404"),
  NOT_FOUND("404"),
  /** 400 or 422: past the permission check, refused for what was sent. */
  BAD_INPUT("400/422"),
  /** Any 4xx but 401: refused for what the user asked (403, 400, 404, 409, 422 ...). */
  REFUSED("4xx"),
  /** 302: a browser without a login is sent to sign in. */
  REDIRECT("302"),
  /** 403 as a page that says so, not Spring Boot's bare "Whitelabel Error Page". */
  FORBIDDEN_PAGE("403-page");

  private final String label;

  Expect(String label) {
    this.label = label;
  }

  /**
   * Whether the answer fits.
   *
   * @param secrets ids of the fixture's records that a filtered list must not show
   */
  boolean matches(int status, String body, Collection<String> secrets) {
    return switch (this) {
      case OK -> status / 100 == 2;
      case FILTERED -> status / 100 == 2 && secrets.stream().noneMatch(body::contains);
      case UNAUTHORIZED -> status == 401;
      case FORBIDDEN -> status == 403;
      case HIDDEN -> status == 403 || status == 404;
      case NOT_FOUND -> status == 404;
      case BAD_INPUT -> status == 400 || status == 422;
      case REFUSED -> status / 100 == 4 && status != 401;
      case REDIRECT -> status == 302;
      case FORBIDDEN_PAGE -> status == 403 && body.contains("Your role may not open this page");
    };
  }

  static Expect parse(String label) {
    for (Expect e : values()) {
      if (e.label.equals(label)) {
        return e;
      }
    }
    throw new IllegalArgumentException("No expectation " + label);
  }

  @Override
  public String toString() {
    return label;
  }
}

package io.oppflow.opportunity.internal;

import io.oppflow.opportunity.*;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** Opportunity codes: given by the caller (e.g. from another CRM) or generated as OPP-yyMM-XXXXXX. */
public final class OpportunityCodes {

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,63}");
  // No 0/O or 1/I: codes get read out over the phone.
  private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private OpportunityCodes() {}

  public static boolean isValid(String code) {
    return code != null && VALID.matcher(code).matches();
  }

  public static String generate(Clock clock) {
    LocalDate today = LocalDate.now(clock);
    StringBuilder code = new StringBuilder(String.format("OPP-%02d%02d-", today.getYear() % 100, today.getMonthValue()));
    for (int i = 0; i < 6; i++) {
      code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return code.toString();
  }
}

package io.oppflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * How long a client waits after wrong passwords, decided by the throttle alone on a clock the test moves
 * ({@link LoginThrottleTests} checks that every door asks it).
 */
class LoginThrottlePolicyTests {

  private static final String ATTACKER = "203.0.113.9";
  private static final String OWNER = "198.51.100.7";

  private final MovableClock clock = new MovableClock();
  // 5 free failures per client and user, 50 per client; 1 s doubling to 30 s; forgotten after 15 quiet minutes
  private final LoginThrottle throttle = new LoginThrottle(new LoginThrottleProperties(true, 5, 50, Duration.ofMinutes(15),
      Duration.ofSeconds(1), Duration.ofSeconds(30), 1000), clock);

  private void fail(String client, String user, int times) {
    for (int i = 0; i < times; i++) {
      throttle.failed(client, user);
    }
  }

  @Test
  void shouldNotThrottleTheOwnerFromAnotherClientWhileTheAttackersClientWaits() {
    fail(ATTACKER, "rep1", 20);

    assertThat(throttle.waitFor(ATTACKER, "rep1")).hasValueSatisfying(
        d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(30)));
    assertThat(throttle.waitFor(OWNER, "rep1")).isEmpty();
  }

  @Test
  void shouldLetFourWrongPasswordsPassThenDoubleTheWaitUpToTheCap() {
    fail(ATTACKER, "rep1", 4);
    assertThat(throttle.waitFor(ATTACKER, "rep1")).isEmpty();

    throttle.failed(ATTACKER, "rep1");
    assertThat(throttle.waitFor(ATTACKER, "rep1")).contains(Duration.ofSeconds(1));
    throttle.failed(ATTACKER, "rep1");
    assertThat(throttle.waitFor(ATTACKER, "rep1")).contains(Duration.ofSeconds(2));
    fail(ATTACKER, "rep1", 10);
    assertThat(throttle.waitFor(ATTACKER, "rep1")).contains(Duration.ofSeconds(30));
  }

  @Test
  void shouldLetTheClientTryAgainOnceTheWaitIsOver() {
    fail(ATTACKER, "rep1", 6);

    clock.advance(Duration.ofMillis(2001));

    assertThat(throttle.waitFor(ATTACKER, "rep1")).isEmpty();
  }

  @Test
  void shouldForgetFailuresAfterAQuietWindow() {
    fail(ATTACKER, "rep1", 4);
    clock.advance(Duration.ofMinutes(16));

    throttle.failed(ATTACKER, "rep1");

    assertThat(throttle.waitFor(ATTACKER, "rep1")).as("counted from one again").isEmpty();
  }

  @Test
  void shouldResetThePairOnTheRightPassword() {
    fail(OWNER, "rep1", 4);

    throttle.succeeded(OWNER, "rep1");
    throttle.failed(OWNER, "rep1");

    assertThat(throttle.waitFor(OWNER, "rep1")).isEmpty();
  }

  @Test
  void shouldThrottleOneClientTryingManyUsers() {
    for (int i = 0; i < 50; i++) {
      throttle.failed(ATTACKER, "user" + i);
    }

    assertThat(throttle.waitFor(ATTACKER, "someone-new")).isPresent();
    assertThat(throttle.waitFor(OWNER, "someone-new")).isEmpty();
  }

  @Test
  void shouldThrottleNothingWhenSwitchedOff() {
    LoginThrottle off = new LoginThrottle(new LoginThrottleProperties(false, 5, 50, null, null, null, null), clock);
    for (int i = 0; i < 100; i++) {
      off.failed(ATTACKER, "rep1");
    }

    assertThat(off.waitFor(ATTACKER, "rep1")).isEmpty();
  }

  /** A clock the test moves by hand. */
  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-12-01T09:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}

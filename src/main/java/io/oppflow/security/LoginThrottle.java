package io.oppflow.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counts wrong passwords per client and user, and per client, and says how long a key must wait. Kept in
 * memory on each node: it slows one attacker at the node they reach, cheaply, without the database; the
 * engine's own attempt counter (in the database, shared by all nodes) is the slower backstop.
 *
 * <p>Keyed by client <em>and</em> user, so an attacker elsewhere never blocks the owner; the per-client key
 * stops one client from trying many users.
 */
@Component
class LoginThrottle {

  private static final int MAX_USER_LENGTH = 128;

  private final LoginThrottleProperties settings;
  private final Clock clock;
  private final Map<String, Failures> keys = new ConcurrentHashMap<>();

  @org.springframework.beans.factory.annotation.Autowired
  LoginThrottle(LoginThrottleProperties settings) {
    this(settings, Clock.systemUTC());
  }

  LoginThrottle(LoginThrottleProperties settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** How long the client must wait before it may try this user's password again, if it must. */
  Optional<Duration> waitFor(String client, String user) {
    if (!settings.enabled()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Duration pair = remaining(keys.get(pairKey(client, user)), now);
    Duration any = remaining(keys.get(clientKey(client)), now);
    Duration longer = pair.compareTo(any) >= 0 ? pair : any;
    return longer.isZero() ? Optional.empty() : Optional.of(longer);
  }

  void failed(String client, String user) {
    if (!settings.enabled()) {
      return;
    }
    Instant now = clock.instant();
    if (keys.size() >= settings.maxTrackedKeys()) {
      forgetQuiet(now);
    }
    keys.compute(pairKey(client, user), (k, f) -> next(f, now, settings.freeFailures()));
    keys.compute(clientKey(client), (k, f) -> next(f, now, settings.clientFreeFailures()));
  }

  /** A right password: this client may log this user in freely again. */
  void succeeded(String client, String user) {
    keys.remove(pairKey(client, user));
  }

  /** Forgets every key, e.g. after an incident has been handled. */
  void clear() {
    keys.clear();
  }

  private Failures next(Failures previous, Instant now, int free) {
    int count = previous == null || quiet(previous, now) ? 1 : previous.count() + 1;
    Instant until = now;
    if (count >= free) {
      int doublings = Math.min(count - free, 30);
      long millis = settings.baseDelay().toMillis() << doublings;
      until = now.plusMillis(Math.min(millis <= 0 ? Long.MAX_VALUE : millis, settings.maxDelay().toMillis()));
    }
    return new Failures(count, now, until);
  }

  private boolean quiet(Failures f, Instant now) {
    return f.last().plus(settings.window()).isBefore(now) && !f.blockedUntil().isAfter(now);
  }

  private void forgetQuiet(Instant now) {
    keys.values().removeIf(f -> quiet(f, now));
    if (keys.size() >= settings.maxTrackedKeys()) {
      // Flooded with fresh keys: start over rather than grow without bound.
      keys.clear();
    }
  }

  private static Duration remaining(Failures f, Instant now) {
    return f == null || !f.blockedUntil().isAfter(now) ? Duration.ZERO : Duration.between(now, f.blockedUntil());
  }

  private static String pairKey(String client, String user) {
    // user names come from the request: cut, so a flood of long names cannot fill the memory
    return client + "\u0000" + (user.length() > MAX_USER_LENGTH ? user.substring(0, MAX_USER_LENGTH) : user);
  }

  private static String clientKey(String client) {
    return client;
  }

  private record Failures(int count, Instant last, Instant blockedUntil) {}
}

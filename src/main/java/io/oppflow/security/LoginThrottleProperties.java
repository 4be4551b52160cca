package io.oppflow.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Login throttling ({@code oppflow.security.login-throttle}): after {@code freeFailures} wrong passwords
 * for one user from one client (IP) within {@code window}, that pair waits {@code baseDelay}, doubling with
 * each further failure up to {@code maxDelay}; a client that fails {@code clientFreeFailures} times across
 * any users waits likewise. A right password resets the pair. State is per node, in memory.
 */
@ConfigurationProperties("oppflow.security.login-throttle")
record LoginThrottleProperties(Boolean enabled, Integer freeFailures, Integer clientFreeFailures, Duration window,
    Duration baseDelay, Duration maxDelay, Integer maxTrackedKeys) {

  LoginThrottleProperties {
    enabled = enabled == null || enabled;
    freeFailures = freeFailures == null ? 5 : freeFailures;
    clientFreeFailures = clientFreeFailures == null ? 50 : clientFreeFailures;
    window = window == null ? Duration.ofMinutes(15) : window;
    baseDelay = baseDelay == null ? Duration.ofSeconds(1) : baseDelay;
    maxDelay = maxDelay == null ? Duration.ofSeconds(30) : maxDelay;
    maxTrackedKeys = maxTrackedKeys == null ? 100_000 : maxTrackedKeys;
  }
}

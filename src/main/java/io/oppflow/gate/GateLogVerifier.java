package io.oppflow.gate;

import io.oppflow.gate.internal.GateChainWalk;
import io.oppflow.gate.internal.GateLogSealing;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Verifies the gate log: first seals what is pending (records committed a moment ago), then recomputes the hash
 * chain from the stored records, in chain order: a changed record no longer matches its hash; a removed or
 * inserted one breaks the sequence or the link to the record before it; records removed from the end no longer
 * match the head. Records still not sealed after that are reported apart: the chain does not cover them yet.
 */
@Service
public class GateLogVerifier {

  private final Runnable sealFirst;
  private final GateChainWalk chain;

  @Autowired
  GateLogVerifier(GateLogSealing sealing, GateChainWalk chain) {
    this.sealFirst = sealing::sealNow;
    this.chain = chain;
  }

  /** A verifier of the gate log in {@code jdbc}'s database that seals nothing (for a database without the service). */
  GateLogVerifier(JdbcTemplate jdbc) {
    this.sealFirst = () -> {};
    this.chain = new GateChainWalk(jdbc, Clock.systemUTC(), Duration.ofSeconds(10));
  }

  public ChainVerification verify() {
    sealFirst.run();
    return chain.walk();
  }
}

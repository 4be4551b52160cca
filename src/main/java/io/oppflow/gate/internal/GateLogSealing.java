package io.oppflow.gate.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This node's one sealing thread. A gate transaction that committed asks it for a pass and waits for it, at most
 * {@code oppflow.gate-log.seal-wait}; requests that arrive while a pass waits to start share that pass, so under
 * load one short transaction seals the records of several advances. Every {@code sweep-interval} each node
 * looks for records nobody sealed (another node's, whose sealer stopped; a crash between commit and seal).
 *
 * <p>Sealing runs here and not in the committing thread because that thread still holds its own connection
 * until its transaction is cleaned up: a second one per request could exhaust the pool, one per node cannot.
 * A sealing failure is logged and never reaches the user, whose advance has committed already.
 */
@Component
public class GateLogSealing implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(GateLogSealing.class);

  private final GateLogSealer sealer;
  private final GateLogProperties properties;
  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "gate-log-sealer");
    t.setDaemon(true);
    return t;
  });
  /** The pass that has been asked for and has not started yet; guarded by this. */
  private CompletableFuture<Integer> next;
  private volatile boolean failing;

  GateLogSealing(GateLogSealer sealer, GateLogProperties properties) {
    this.sealer = sealer;
    this.properties = properties;
  }

  /**
   * Seals every record committed before this call and waits for it, at most {@code seal-wait} (0: asks for the
   * pass and returns at once). Never throws: what is left is logged and sealed by the next pass or sweep.
   */
  public void sealNow() {
    try {
      CompletableFuture<Integer> pass = pass();
      if (properties.sealWait().isZero()) {
        return;
      }
      pass.get(properties.sealWait().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.warn("Gate log: sealing took longer than {}; the records left are sealed by the sweep", properties.sealWait());
    } catch (ExecutionException e) {
      // logged by the pass
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.warn("Gate log: could not ask for a sealing pass; the sweep seals the records left", e);
    }
  }

  @Scheduled(fixedDelayString = "${oppflow.gate-log.sweep-interval:1s}", initialDelayString = "${oppflow.gate-log.sweep-interval:1s}")
  void sweep() {
    try {
      if (sealer.anyPending()) {
        pass();
      }
    } catch (RuntimeException e) {
      log.warn("Gate log: the sweep could not look for unsealed records: {}", e.toString());
    }
  }

  /** A pass that starts after this call; it completes with the number of records sealed once they committed. */
  private synchronized CompletableFuture<Integer> pass() {
    if (next == null) {
      CompletableFuture<Integer> asked = new CompletableFuture<>();
      thread.execute(this::run); // refused once the node shuts down: then no pass is promised
      next = asked;
    }
    return next;
  }

  private void run() {
    CompletableFuture<Integer> mine;
    synchronized (this) {
      mine = next;
      next = null;
    }
    try {
      int sealed = sealer.sealPending();
      if (failing) {
        failing = false;
        log.info("Gate log: sealing works again ({} records sealed)", sealed);
      }
      mine.complete(sealed);
    } catch (RuntimeException e) {
      if (!failing) {
        log.error("Gate log: sealing failed; the records stay unsealed (verify reports them) and are tried again", e);
      } else {
        log.debug("Gate log: sealing failed again", e);
      }
      failing = true;
      mine.completeExceptionally(e);
    }
  }

  @Override
  public void destroy() {
    thread.shutdown();
  }
}

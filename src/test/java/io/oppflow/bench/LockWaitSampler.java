package io.oppflow.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How long sessions waited for locks during an arm, sampled: about every {@value #PERIOD_MS} ms it counts the backends
 * of the database waiting on a heavyweight lock (row locks such as {@code FOR UPDATE} are waited for as one,
 * {@code wait_event_type = 'Lock'}) in {@code pg_stat_activity}. Each count times the time since the previous
 * sample, summed, estimates the total wait (Little's law); divided by the operations, the wait per operation. Waits much
 * shorter than the period are mostly missed.
 */
final class LockWaitSampler implements AutoCloseable {

  static final int PERIOD_MS = 5;
  private final Connection connection;
  private final AtomicBoolean running = new AtomicBoolean();
  private Thread thread;
  private volatile long waiterNanos;

  LockWaitSampler(Connection connection) {
    this.connection = connection;
  }

  void start() {
    waiterNanos = 0;
    running.set(true);
    thread = new Thread(this::sample, "bench-lock-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  /** Stops sampling; the estimated lock wait in ms since {@link #start()}. */
  double stopMillis() throws InterruptedException {
    running.set(false);
    thread.join();
    return waiterNanos / 1e6;
  }

  private void sample() {
    try (Statement s = connection.createStatement()) {
      long last = System.nanoTime();
      while (running.get()) {
        try (ResultSet r = s.executeQuery("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
            + " and datname = current_database()")) {
          r.next();
          long now = System.nanoTime();
          waiterNanos += r.getLong(1) * (now - last);
          last = now;
        }
        Thread.sleep(PERIOD_MS);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Lock sampling failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws SQLException {
    running.set(false);
    connection.close();
  }
}

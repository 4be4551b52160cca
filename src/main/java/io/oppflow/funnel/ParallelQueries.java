package io.oppflow.funnel;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs a query of the funnel beside another one of the same request, on a connection of its own: the stage and
 * the outcome aggregations read different tables, so the report waits for the slower, not for both. Bounded; when
 * busy, the caller's thread runs the query itself.
 */
@Component
class ParallelQueries implements DisposableBean {

  /** The funnel's queries that run at once, over all requests: each holds a database connection. */
  private static final int THREADS = 4;

  private final ExecutorService executor;

  ParallelQueries() {
    AtomicInteger n = new AtomicInteger();
    // as many threads as queries run at once (a pool with fewer core threads would queue them behind one thread)
    ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(16),
        r -> {
          Thread thread = new Thread(r, "funnel-query-" + n.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
    pool.allowCoreThreadTimeOut(true);
    executor = pool;
  }

  /** Starts {@code query}; {@link Pending#join()} gives its result or throws what it threw. */
  <T> Pending<T> start(Supplier<T> query) {
    return new Pending<>(CompletableFuture.supplyAsync(query, executor));
  }

  record Pending<T>(CompletableFuture<T> future) {
    T join() {
      try {
        return future.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException cause) {
          throw cause;
        }
        throw e;
      }
    }
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }
}

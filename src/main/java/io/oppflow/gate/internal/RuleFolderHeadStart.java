package io.oppflow.gate.internal;

import io.oppflow.gate.RuleSet;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Compiles the rule folder on a thread of its own while the rest of the service starts, so that the Drools
 * compile (seconds of CPU on a cold JVM) runs beside Hibernate's and the engine's start instead of after them.
 *
 * <p>It starts as soon as the bean definitions are known, before any ordinary bean exists, and only reads the
 * folder: the checks and the decision what to serve stay with {@link RuleSetAcceptance} and the active-rules
 * component, which take the result through {@link #take} when the files they are given are the folder's
 * (same version, i.e. same content). Anything else is compiled as before, on the caller's thread. What is
 * outside the allowlist is not compiled here at all.
 */
@Component
class RuleFolderHeadStart implements BeanFactoryPostProcessor, EnvironmentAware {

  /** What the head start found for the folder: the check, and the compiled set (empty when the check stopped it). */
  record Compiled(RuleSetFiles files, RuleSetChecker.Result checked, Optional<RuleSet> rules,
      RuleSetCompilationException failure) {

    /** The compiled set, or the compile error exactly as compiling on the caller's thread would throw it. */
    Optional<RuleSet> rulesOrThrow() {
      if (failure != null) {
        throw failure;
      }
      return rules;
    }
  }

  private final AtomicReference<CompletableFuture<Compiled>> pending = new AtomicReference<>();
  private Path rulesDir = Path.of("rules");

  @Override
  public void setEnvironment(Environment environment) {
    rulesDir = Path.of(environment.getProperty("oppflow.rules-dir", "rules"));
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    pending.set(CompletableFuture.supplyAsync(() -> compile(RuleFiles.read(rulesDir)), task -> {
      Thread thread = new Thread(task, "rule-folder-compile");
      thread.setDaemon(true);
      thread.start();
    }));
  }

  /**
   * The head start's result if it was made for exactly these files; taken once (a later compile of the same
   * files, e.g. a preview, compiles afresh), waiting for the compile to end if it still runs.
   */
  Optional<Compiled> take(RuleSetFiles files) {
    CompletableFuture<Compiled> started = pending.get();
    if (started == null) {
      return Optional.empty();
    }
    Compiled compiled;
    try {
      compiled = started.join();
    } catch (RuntimeException e) {
      // The folder could not even be read here: the caller reads and compiles it itself and reports why.
      pending.compareAndSet(started, null);
      return Optional.empty();
    }
    if (!compiled.files().version().equals(files.version()) || !pending.compareAndSet(started, null)) {
      return Optional.empty();
    }
    return Optional.of(compiled);
  }

  /** Forgets a result nobody took. */
  void discard() {
    pending.set(null);
  }

  private static Compiled compile(RuleSetFiles files) {
    RuleSetChecker.Result checked = RuleSetChecker.check(files);
    if (!checked.readable() || !checked.safe()) {
      return new Compiled(files, checked, Optional.empty(), null);
    }
    try {
      return new Compiled(files, checked, Optional.of(RuleSet.compile(files, checked)), null);
    } catch (RuleSetCompilationException e) {
      return new Compiled(files, checked, Optional.empty(), e);
    }
  }
}

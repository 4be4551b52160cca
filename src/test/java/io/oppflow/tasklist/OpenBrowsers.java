package io.oppflow.tasklist;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The browsers a test opened, one per user: when the test fails each leaves a screenshot and its page under
 * {@code /tmp/<prefix>-<test>-…}, named in the failure; after the test all are closed.
 */
final class OpenBrowsers implements TestExecutionExceptionHandler, AfterEachCallback {

  private final String prefix;
  private final List<TasklistBrowser> open = new ArrayList<>();

  OpenBrowsers(String prefix) {
    this.prefix = prefix;
  }

  /** A new browser session (own profile and cookies) for one user. */
  TasklistBrowser start(int port, String user) throws IOException {
    TasklistBrowser browser = TasklistBrowser.start(port, user);
    open.add(browser);
    return browser;
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
    for (TasklistBrowser browser : open) {
      try {
        failure.addSuppressed(new AssertionError(browser.screenshot(prefix + "-" + context.getRequiredTestMethod().getName())));
      } catch (RuntimeException | IOException e) {
        failure.addSuppressed(e);
      }
    }
    throw failure;
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    try {
      for (TasklistBrowser browser : open) {
        browser.close();
      }
    } finally {
      open.clear();
    }
  }
}

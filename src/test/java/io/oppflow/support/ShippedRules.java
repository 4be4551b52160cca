package io.oppflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.oppflow.gate.ActiveRules;
import io.oppflow.gate.internal.RuleFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * For test classes that upload or activate rule sets in a shared service context
 * ({@code @ExtendWith(ShippedRules.class)}): before and after each test the rule set shipped in {@code rules/}
 * is the one active in the database and on this node, so no other test ever judges a gate with a test's rules,
 * not even after a test that failed half-way or left a newer activation in the database for the node to follow.
 */
public final class ShippedRules implements BeforeEachCallback, AfterEachCallback {

  /** The version of the rule set in {@code rules/}: the one the service activates at start-up. */
  public static String version() {
    return RuleFiles.read(Path.of("rules")).version();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    restore(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    restore(context);
  }

  private static void restore(ExtensionContext context) {
    ApplicationContext spring = SpringExtension.getApplicationContext(context);
    ActiveRules node = spring.getBean(ActiveRules.class);
    ApiClient ops = ApiClient.as(spring.getEnvironment().getRequiredProperty("local.server.port", Integer.class), "ops1");
    String shipped = version();
    String inDatabase = ops.get("/api/rules").json().path("active").asText();
    if (!shipped.equals(inDatabase) || !shipped.equals(node.current().version())) {
      // a new activation row: newer than anything a test left behind, so the node's refresh follows it too
      ApiClient.Response reactivated = ops.post("/api/rules/" + shipped + "/activate", null);
      assertThat(reactivated.status()).as("reactivating the shipped rules: %s", reactivated).isEqualTo(200);
    }
    assertThat(node.current().version()).as("the rules this node judges gates with").isEqualTo(shipped);
  }
}

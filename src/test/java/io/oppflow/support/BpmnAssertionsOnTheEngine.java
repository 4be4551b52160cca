package io.oppflow.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Binds Camunda BPM Assert to the service's engine for each test ({@code @ExtendWith} on a Spring test), and after
 * it unbinds them and signs out whoever the test signed in to the engine.
 */
public final class BpmnAssertionsOnTheEngine implements BeforeEachCallback, AfterEachCallback {

  @Override
  public void beforeEach(ExtensionContext context) {
    BpmnAwareTests.init(engine(context));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    BpmnAwareTests.reset();
    engine(context).getIdentityService().clearAuthentication();
  }

  private static ProcessEngine engine(ExtensionContext context) {
    return SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class);
  }
}

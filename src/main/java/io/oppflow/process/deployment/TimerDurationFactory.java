package io.oppflow.process.deployment;

import javax.xml.datatype.DatatypeFactory;

/**
 * Names the JDK's own XML duration factory once, for the stage timers. The engine asks
 * {@link DatatypeFactory#newInstance()} for every timer it creates (the dwell-limit timer of each stage entry);
 * without {@code javax.xml.datatype.DatatypeFactory} set, the JDK searches every jar of the class path for
 * another provider each time (none ships with the service), which was a tenth of an imported open opportunity's
 * CPU. An operator's own choice of the property is kept.
 */
final class TimerDurationFactory {

  static final String PROPERTY = DatatypeFactory.class.getName();

  private TimerDurationFactory() {}

  static void useTheJdks() {
    if (System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    }
  }
}

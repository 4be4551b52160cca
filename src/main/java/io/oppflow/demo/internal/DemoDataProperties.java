package io.oppflow.demo.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo data of the demo profile's first start: on/off ({@code enabled}, true only in the demo profile),
 * how many opportunities, over how many months back from now, and the seed that makes them the same every time.
 */
@ConfigurationProperties("oppflow.demo.data")
record DemoDataProperties(boolean enabled, Integer opportunities, Integer months, Long seed) {

  DemoDataProperties {
    opportunities = opportunities == null ? 300 : opportunities;
    months = months == null ? 12 : months;
    seed = seed == null ? 20261202L : seed;
  }
}

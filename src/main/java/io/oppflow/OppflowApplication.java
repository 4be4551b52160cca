package io.oppflow;

import io.oppflow.shared.MovableClock;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The opportunity funnel service: one Camunda process per opportunity, Drools rules at every stage gate. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class OppflowApplication {

  public static void main(String[] args) {
    SpringApplication.run(OppflowApplication.class, args);
  }

  /** The system clock; the demo data generator moves it on its own thread only. */
  @Bean
  MovableClock clock() {
    return new MovableClock(Clock.systemDefaultZone());
  }
}

package io.oppflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The opportunity funnel service: one Camunda process per opportunity, Drools rules at every stage gate. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class OppflowApplication {

  public static void main(String[] args) {
    SpringApplication.run(OppflowApplication.class, args);
  }
}

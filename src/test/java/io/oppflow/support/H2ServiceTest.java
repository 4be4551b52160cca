package io.oppflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole service on a real port, with the demo profile's users, on an in-memory H2 database. All
 * tests with this annotation share one application context; they use their own opportunity codes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "spring.datasource.url=jdbc:h2:mem:oppflow-test;DB_CLOSE_DELAY=-1",
        // Spring Boot tests switch metrics export off; the service exposes Prometheus metrics, so test that.
        "management.prometheus.metrics.export.enabled=true",
        // the scheduled compliance check, at a time no test run reaches, to test that it is scheduled
        "oppflow.compliance.check-cron=0 0 3 29 2 *",
        // login throttling: short waits, so a test that tries wrong passwords stays quick
        "oppflow.security.login-throttle.max-delay=2s"})
@ActiveProfiles("demo")
public @interface H2ServiceTest {}

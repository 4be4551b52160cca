package io.oppflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole service on a real port with the production {@code postgres} profile on a real PostgreSQL
 * (see {@link TestPostgresConfiguration}), plus the demo users so the flows can sign in.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "oppflow.admin.password=" + PostgresServiceTest.ADMIN_PASSWORD,
        "spring.datasource.url=jdbc:postgresql://replaced-by-test-configuration/unused",
        "oppflow.security.login-throttle.max-delay=2s"})
@ActiveProfiles({"postgres", "demo"})
@Import(TestPostgresConfiguration.class)
public @interface PostgresServiceTest {
  String ADMIN_PASSWORD = "it-Admin-Passw0rd-2026";
}

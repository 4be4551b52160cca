package io.oppflow.organization;

import io.oppflow.support.TestPostgresConfiguration;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;

/** The org-unit SQL on PostgreSQL: a JDBC slice, no engine, no rules. */
@JdbcTest(properties = "spring.flyway.enabled=false")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(TestPostgresConfiguration.class)
class OrgUnitSqlOnPostgresIT extends OrgUnitSqlContract {}

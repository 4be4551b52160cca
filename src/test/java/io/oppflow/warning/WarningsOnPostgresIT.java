package io.oppflow.warning;

import io.oppflow.support.PostgresServiceTest;

/** The warnings on a real PostgreSQL, with the production profile. */
@PostgresServiceTest
class WarningsOnPostgresIT extends WarningsContract {}

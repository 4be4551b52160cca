package io.oppflow.flows;

import io.oppflow.support.PostgresServiceTest;

/** The main flows on a real PostgreSQL, with the production profile. */
@PostgresServiceTest
class MainFlowsOnPostgresIT extends MainFlowsContract {}

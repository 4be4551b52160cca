package io.oppflow.process;

import io.oppflow.support.PostgresServiceTest;

/** Concurrent advances on a real PostgreSQL, with the production profile. */
@PostgresServiceTest
class ConcurrentAdvancesOnPostgresIT extends ConcurrentAdvancesContract {}

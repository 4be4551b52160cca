package io.oppflow.forecast;

import io.oppflow.support.PostgresServiceTest;

/** The stage-age method and the naive baselines on a seasonal history, on a real PostgreSQL. */
@PostgresServiceTest
class SeasonalBacktestOnPostgresIT extends SeasonalBacktestContract {}

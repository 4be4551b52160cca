package io.oppflow.forecast;

import io.oppflow.support.PostgresServiceTest;

/** Forecasts and back-test on a real PostgreSQL, with the production profile. */
@PostgresServiceTest
class ForecastOnPostgresIT extends ForecastContract {}

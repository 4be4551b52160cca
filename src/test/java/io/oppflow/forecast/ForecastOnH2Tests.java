package io.oppflow.forecast;

import io.oppflow.support.H2ServiceTest;

/** Forecasts and back-test on the embedded default database. */
@H2ServiceTest
class ForecastOnH2Tests extends ForecastContract {}

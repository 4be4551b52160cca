package io.oppflow.forecast;

import io.oppflow.support.H2ServiceTest;

/** The stage-age method and the naive baselines on a seasonal history, on the embedded default database. */
@H2ServiceTest
class SeasonalBacktestOnH2Tests extends SeasonalBacktestContract {}

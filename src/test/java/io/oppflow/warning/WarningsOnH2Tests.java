package io.oppflow.warning;

import io.oppflow.support.H2ServiceTest;

/** The warnings on the embedded default database. */
@H2ServiceTest
class WarningsOnH2Tests extends WarningsContract {}

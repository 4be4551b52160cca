package io.oppflow.importing.internal;

import io.oppflow.support.H2ServiceTest;

/** The dwell figures over imported history on the embedded default database. */
@H2ServiceTest
class ImportedDwellOnH2Tests extends ImportedDwellContract {}

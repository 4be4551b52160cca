package io.oppflow.importing.internal;

import io.oppflow.support.PostgresServiceTest;

/** The dwell figures over imported history on a real PostgreSQL, with the production profile. */
@PostgresServiceTest
class ImportedDwellOnPostgresIT extends ImportedDwellContract {}

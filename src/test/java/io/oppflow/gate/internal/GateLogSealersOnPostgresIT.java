package io.oppflow.gate.internal;

import io.oppflow.support.PostgresServiceTest;

/**
 * Sealers racing on purpose, on a real PostgreSQL with the production profile: the head's row lock, read committed
 * and the triggers that let an UPDATE only seal an unsealed record after the head.
 */
@PostgresServiceTest
class GateLogSealersOnPostgresIT extends GateLogSealersContract {}

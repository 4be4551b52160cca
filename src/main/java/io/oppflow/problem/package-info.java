/**
 * Errors as RFC 7807 problem details: validation errors name their field, conflicts are 409, and no
 * response ever carries a stack trace, SQL or an engine's internals.
 */
package io.oppflow.problem;

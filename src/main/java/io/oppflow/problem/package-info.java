/**
 * Errors as RFC 7807 problem details: validation errors name their field, conflicts are 409, and no
 * response ever carries a stack trace, SQL or an engine's internals.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Problem details", allowedDependencies = {"shared"})
package io.oppflow.problem;

/**
 * The sales organisation: who is acting ({@link io.oppflow.organization.Actor}), their roles and the org
 * unit (HQ/branch/team path) they belong to or manage.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organization", allowedDependencies = {"shared"})
package io.oppflow.organization;

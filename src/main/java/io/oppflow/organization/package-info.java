/**
 * The sales organisation: who is acting ({@link io.oppflow.organization.Actor}), their roles and the org
 * unit (HQ/branch/team path) they belong to or manage.
 */
package io.oppflow.organization;

/**
 * Secure by default: every endpoint but health needs a login. Our API and Actuator take HTTP Basic
 * checked against Camunda's identity service; {@code /engine-rest} goes through Camunda's own
 * authentication filter; the webapps use their login. Roles are Camunda groups; Camunda authorizations
 * decide what each role sees in Tasklist and Cockpit.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security", allowedDependencies = {"organization", "shared"})
package io.oppflow.security;

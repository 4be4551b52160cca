/**
 * Opportunities (商机): the single source of truth for what we know about a customer's need.
 *
 * <p>Forms, the REST API and the stage gates all read and write an opportunity through
 * {@link io.oppflow.opportunity.OpportunityService}. This package knows nothing of Camunda or Drools;
 * it asks for a process through the {@link io.oppflow.opportunity.OpportunityWorkflow} port.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Opportunities", allowedDependencies = {"export", "organization", "shared"})
package io.oppflow.opportunity;

/**
 * Importing past opportunities from a CSV file (a spreadsheet or another CRM): {@code POST /api/imports}
 * starts a background job, {@code GET /api/imports/{id}} reports it. Rows go through the opportunity
 * service like every other opportunity; open ones continue as live stage processes; the stage history
 * the file implies is written to the funnel's intervals with the historical dates (see
 * {@code docs/importing.md} for what the import assumes).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Import", allowedDependencies = {"funnel", "opportunity", "organization", "shared"})
package io.oppflow.importing;

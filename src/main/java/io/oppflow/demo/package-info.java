/**
 * Demo data: on the first start of the demo profile, a year of selling by two branches (about 300
 * opportunities of both stage processes) replayed through the real services, gates and engine with a moved
 * clock, so the funnel, the warnings, the exceptions and the compliance audit have something to show.
 * {@link io.oppflow.demo.DemoEngine} is the port to the engine (its clock, its timers, a bypass), implemented
 * by the process adapters; {@link io.oppflow.demo.DemoData} tells when the generation is done.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data", allowedDependencies = {"funnel", "gate", "opportunity", "organization", "progression", "shared"})
package io.oppflow.demo;

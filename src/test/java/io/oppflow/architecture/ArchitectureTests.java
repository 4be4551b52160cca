package io.oppflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The house rules that keep engines at the edges and capabilities apart. */
@AnalyzeClasses(packages = "io.oppflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

  @ArchTest
  static final ArchRule camundaStaysInTheProcessAndSecurityAdapters = noClasses()
      .that().resideOutsideOfPackages("io.oppflow.process..", "io.oppflow.security..", "io.oppflow.problem..")
      .should().dependOnClassesThat().resideInAPackage("org.camunda..")
      .because("Camunda types stay in the package that adapts them");

  @ArchTest
  static final ArchRule droolsStaysInTheGate = noClasses()
      .that().resideOutsideOfPackage("io.oppflow.gate..")
      .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..")
      .because("KIE types stay in the gate package");

  @ArchTest
  static final ArchRule opportunitiesKnowNothingOfGatesOrProcesses = noClasses()
      .that().resideInAPackage("io.oppflow.opportunity..")
      .should().dependOnClassesThat().resideInAnyPackage("io.oppflow.gate..", "io.oppflow.process..", "io.oppflow.security..")
      .because("the opportunity is the domain; gates and processes build on it, not the other way round");

  @ArchTest
  static final ArchRule warningsReadTheEngineOnlyThroughTheirPort = noClasses()
      .that().resideInAPackage("io.oppflow.warning..")
      .should().dependOnClassesThat().resideInAnyPackage("io.oppflow.process..", "io.oppflow.security..")
      .because("warnings read open review tasks through the StalledReviews port the process adapter implements");

  @ArchTest
  static final ArchRule capabilitiesHaveNoCycles = slices().matching("io.oppflow.(*)..").should().beFreeOfCycles();
}

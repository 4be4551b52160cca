package io.oppflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Flyway's Java migrations are frozen history: they run the same code on every database, today and later. */
@AnalyzeClasses(packages = "db.migration", importOptions = ImportOption.DoNotIncludeTests.class)
class MigrationArchitectureTests {

  @ArchTest
  static final ArchRule migrationsUseNoApplicationCode = noClasses()
      .that().resideInAPackage("db.migration..")
      .should().dependOnClassesThat().resideInAPackage("io.oppflow..")
      .because("a migration that calls live code changes what it did whenever that code changes: copy what it needs");
}

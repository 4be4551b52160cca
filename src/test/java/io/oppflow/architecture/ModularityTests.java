package io.oppflow.architecture;

import io.oppflow.OppflowApplication;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules and the dependencies each declares in its {@code package-info.java}: a module's root
 * package is its API, everything below it ({@code internal}) is hidden from the others.
 */
class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(OppflowApplication.class);

  @Test
  void everyModuleUsesOnlyTheApisItDeclares() {
    MODULES.verify();
  }

  @Test
  void refusesAModuleThatReachesIntoAnothersInternals() {
    ApplicationModules fixture = ApplicationModules.of("io.oppflow.architecture.fixture", location -> true);

    assertThatThrownBy(fixture::verify)
        .isInstanceOf(Violations.class)
        .hasMessageContaining("Module 'orders' depends on non-exposed type")
        .hasMessageContaining("billing.internal.InvoiceNumbers")
        .satisfies(refusal -> System.out.println("Modularity refusal, as a developer sees it:\n" + refusal.getMessage()));
  }

  @Test
  void writesTheModuleDocumentation() {
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
  }
}

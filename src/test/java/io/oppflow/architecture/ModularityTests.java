package io.oppflow.architecture;

import io.oppflow.OppflowApplication;
import org.junit.jupiter.api.Test;
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
  void writesTheModuleDocumentation() {
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
  }
}

package io.hermescache.quarkus.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md, "Modules": the Quarkus runtime builds on the core and the container-neutral interception layer
 * ({@code io.hermescache.cdi.interceptors}), never on hermes-cdi's portable extension.
 */
class ModuleRulesTest {

  @Test
  void theQuarkusRuntimeNeverUsesThePortableExtension() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("io.hermescache.cdi", "io.hermescache.cdi.internal..")
        .orShould().dependOnClassesThat().areAssignableTo("jakarta.enterprise.inject.spi.Extension")
        .because("ArC has no portable extensions; the Quarkus runtime is planned at build time")
        .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.hermescache.quarkus"));
  }
}

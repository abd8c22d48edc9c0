package io.hermescache.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** DESIGN.md, "Modules": the core knows no CDI, no backend and no Quarkus. */
class ModuleRulesTest {

  private final JavaClasses core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.hermescache");

  @Test
  void theCoreKnowsNoCdiNoBackendAndNoQuarkus() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.enterprise..", "jakarta.interceptor..",
        "jakarta.inject..", "io.hermescache.cdi..", "io.hermescache.quarkus..", "io.quarkus..",
        "io.hermescache.redis..", "io.hermescache.memcached..", "io.hermescache.inprocess..", "redis.clients..",
        "net.spy..", "com.github.benmanes.caffeine..")
        .because("hermes-core is the engine, free of CDI, of any backend and of Quarkus (DESIGN.md, Modules)")
        .check(core);
  }

  @Test
  void theApiAndSpiDoNotExposeTheEngineBeyondTheBuilder() {
    noClasses().that().resideInAPackage("io.hermescache.spi..").should().dependOnClassesThat()
        .resideInAPackage("io.hermescache.internal..")
        .because("the SPI is implemented by backends; the engine behind it is not API")
        .check(core);
  }
}

package io.pantau.analytics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** What package-info says analytics may import, checked on the compiled classes. */
class AnalyticsDependenciesTest {

  @Test
  void analyticsImportsNeitherWebNorIngestNorPersistence() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.pantau.analytics");
    noClasses()
        .that()
        .resideInAPackage("io.pantau.analytics..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.pantau.web..",
            "io.pantau.ingest..",
            "io.pantau.enrich..",
            "io.pantau.alerts..",
            "io.pantau.reports..",
            "jakarta.persistence..",
            "io.quarkus.hibernate..")
        .check(classes);
  }
}

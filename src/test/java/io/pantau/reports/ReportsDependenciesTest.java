package io.pantau.reports;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What package-info says reports may import, checked on the compiled classes. */
class ReportsDependenciesTest {
  private static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.pantau");
  }

  @Test
  void reportsReadThroughTheIndexAndAnalyticsFacadesOnly() {
    noClasses()
        .that()
        .resideInAPackage("io.pantau.reports..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.pantau.web..",
            "io.pantau.ingest..",
            "io.pantau.enrich..",
            "io.pantau.alerts..",
            "io.pantau.feeds..",
            "io.pantau.index.node..",
            "co.elastic..",
            "org.elasticsearch..")
        .check(classes);
  }

  @Test
  void nothingButWebImportsReports() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.pantau.reports..", "io.pantau.web..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.pantau.reports..")
        .check(classes);
  }
}

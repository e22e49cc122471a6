package io.pantau;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.net.Socket;
import java.net.URLConnection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The house rules of STYLE.md on who may import what, checked on the compiled classes. */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.pantau");
  }

  @Test
  void articleAndTextAreLeavesWithoutFrameworkImports() {
    noClasses()
        .that()
        .resideInAnyPackage("io.pantau.article..", "io.pantau.text..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("io.pantau.article..", "io.pantau.text..", "java..")
        .check(classes);
  }

  @Test
  void onlyIndexAndAnalyticsTouchTheElasticsearchClient() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.pantau.index..", "io.pantau.analytics..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("co.elastic..", "org.elasticsearch..")
        .check(classes);
  }

  @Test
  void onlyIndexTouchesTheElasticsearchClient() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.pantau.index..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("co.elastic..", "org.elasticsearch..")
        .check(classes);
  }

  @Test
  void indexIsReadThroughAndImportsNoneOfItsReaders() {
    noClasses()
        .that()
        .resideInAPackage("io.pantau.index..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.pantau.analytics..",
            "io.pantau.reports..",
            "io.pantau.alerts..",
            "io.pantau.ingest..",
            "io.pantau.web..")
        .check(classes);
  }

  @Test
  void enrichIsPure() {
    noClasses()
        .that()
        .resideInAPackage("io.pantau.enrich..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.pantau.index..",
            "io.pantau.ingest..",
            "io.pantau.web..",
            "io.quarkus..",
            "jakarta.persistence..",
            "java.net..",
            "co.elastic..")
        .check(classes);
  }

  @Test
  void nothingImportsWeb() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.pantau.web..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.pantau.web..")
        .check(classes);
  }

  @Test
  void panacheStaysInStateOwningFeatures() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.pantau.article..",
            "io.pantau.text..",
            "io.pantau.ingest..",
            "io.pantau.enrich..",
            "io.pantau.index..",
            "io.pantau.analytics..",
            "io.pantau.web..",
            "io.pantau.query..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.quarkus.hibernate..", "jakarta.persistence..")
        .check(classes);
  }

  @Test
  void dataFlowsOneWay() {
    noClasses()
        .that()
        .resideInAPackage("io.pantau.index..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.pantau.ingest..", "io.pantau.alerts..", "io.pantau.reports..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("io.pantau.ingest..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.pantau.alerts..", "io.pantau.reports..", "io.pantau.analytics..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("io.pantau.analytics..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.pantau.reports..")
        .check(classes);
  }

  @Test
  void onlyOutboundOpensConnectionsToUrlsThatUsersGive() {
    // Anything else would resolve the name itself and skip the guard's pinned address; index,
    // analytics and dashboards talk to Elasticsearch and Kibana, which the operator names.
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "io.pantau.outbound..",
            "io.pantau.index..",
            "io.pantau.analytics..",
            "io.pantau.dashboards..")
        .should()
        .dependOnClassesThat(
            JavaClass.Predicates.resideInAnyPackage(
                    "java.net.http..", "org.apache.http..", "javax.net.ssl..")
                .or(JavaClass.Predicates.assignableTo(URLConnection.class))
                .or(JavaClass.Predicates.assignableTo(Socket.class)))
        .check(classes);
  }

  @Test
  void everyPackageDocumentsItsJob() {
    classes()
        .that()
        .resideInAPackage("io.pantau.(*)..")
        .should(
            new com.tngtech.archunit.lang.ArchCondition<>("live in a package with package-info") {
              @Override
              public void check(
                  com.tngtech.archunit.core.domain.JavaClass item,
                  com.tngtech.archunit.lang.ConditionEvents events) {
                String pkg = item.getPackageName();
                if (item.getClass()
                        .getClassLoader()
                        .getResource(pkg.replace('.', '/') + "/package-info.class")
                    == null) {
                  events.add(
                      com.tngtech.archunit.lang.SimpleConditionEvent.violated(
                          item, pkg + " has no package-info.java"));
                }
              }
            })
        .check(classes);
  }
}

package io.pantau.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class QueryPackageDependenciesTest {
  @Test
  void theQueryLanguageDependsOnTheJdkTextAnalysisAndLuceneOnly() {
    JavaClasses main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.pantau.query");
    classes()
        .that()
        .resideInAPackage("io.pantau.query..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..",
            "io.pantau.query..",
            "io.pantau.analysis..",
            "io.pantau.text..",
            "org.apache.lucene..")
        .check(main);
  }
}

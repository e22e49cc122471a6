package io.pantau.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Resources stay thin: a class annotated with {@code @Path} never reaches into another one (shared
 * parsing lives in {@code Params} and {@code Answers}), and the package's design document names the
 * Pantau packages web really imports.
 */
class ThinResourcesTest {
  private static JavaClasses web;

  @BeforeAll
  static void load() {
    web =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.pantau.web");
  }

  /** The outermost class enclosing this one (itself when it is top level). */
  private static JavaClass topLevel(JavaClass c) {
    JavaClass t = c;
    while (t.getEnclosingClass().isPresent()) {
      t = t.getEnclosingClass().get();
    }
    return t;
  }

  /** Whether the class, or the class it is nested in, is a JAX-RS resource. */
  private static boolean inResource(JavaClass c) {
    return topLevel(c).isAnnotatedWith(Path.class);
  }

  @Test
  void aResourceDependsOnNoOtherResource() {
    long resources = web.stream().filter(c -> c.isAnnotatedWith(Path.class)).count();
    assertTrue(resources >= 5, "found only " + resources + " @Path classes in io.pantau.web");
    classes()
        .that(
            new DescribedPredicate<JavaClass>("are resources or nested in one") {
              @Override
              public boolean test(JavaClass c) {
                return inResource(c);
              }
            })
        .should(
            new ArchCondition<JavaClass>("not depend on another class annotated with @Path") {
              @Override
              public void check(JavaClass item, ConditionEvents events) {
                JavaClass own = topLevel(item);
                for (Dependency d : item.getDirectDependenciesFromSelf()) {
                  JavaClass target = topLevel(d.getTargetClass());
                  if (!target.equals(own) && target.isAnnotatedWith(Path.class)) {
                    events.add(SimpleConditionEvent.violated(item, d.getDescription()));
                  }
                }
              }
            })
        .check(web);
  }

  @Test
  void thePackageInfoNamesThePantauPackagesWebImports() throws IOException {
    String info =
        Files.readString(java.nio.file.Path.of("src/main/java/io/pantau/web/package-info.java"));
    Matcher m = Pattern.compile("\\* <p>May import: ([a-z, ]+)\\.\\n").matcher(info);
    assertTrue(m.find(), "package-info.java has no line ' * <p>May import: a, b, c.'");
    Set<String> declared =
        Arrays.stream(m.group(1).split(","))
            .map(String::trim)
            .collect(Collectors.toCollection(TreeSet::new));
    Pattern feature = Pattern.compile("io\\.pantau\\.([a-z0-9]+)(\\..*)?");
    Set<String> used = new TreeSet<>();
    for (JavaClass c : web) {
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        Matcher p = feature.matcher(d.getTargetClass().getPackageName());
        if (p.matches() && !p.group(1).equals("web")) {
          used.add(p.group(1));
        }
      }
    }
    assertEquals(used, declared, "the May import line of web/package-info.java");
  }
}

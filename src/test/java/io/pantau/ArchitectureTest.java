package io.pantau;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The house rules on who may import what, checked on the compiled classes.
 *
 * <p>The table is the code's own documentation: every {@code package-info.java} under {@code
 * src/main/java} carries one line {@code May import: a, b, Panache.} naming the Pantau packages
 * (lowercase, relative to {@code io.pantau}; a sub-package is a package of its own) and the guarded
 * libraries ({@link #GUARDED}) its classes may depend on. A dependency on anything else in Pantau,
 * or on a guarded library not named, fails {@link #everyPackageKeepsToItsMayImportLine}.
 */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src", "main", "java", "io", "pantau");

  /** Libraries only the packages that name them may touch, by their package prefixes. */
  static final Map<String, List<String>> GUARDED =
      Map.of(
          "Elasticsearch client", List.of("co.elastic.", "org.elasticsearch."),
          "Panache", List.of("io.quarkus.hibernate.", "jakarta.persistence.", "org.hibernate."));

  private static final Pattern MAY_IMPORT =
      Pattern.compile("May import:\\s*(.*?)(?:\\.(?=\\s|$)|;)");

  /** One package's line: the Pantau packages and guarded libraries it may use. */
  record Rule(String pkg, Set<String> packages, Set<String> libraries) {}

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
  void theStagesAndTheMatcherArePure() {
    // These bound the table: no package-info line can let clean, enrich or monitor reach out.
    noClasses()
        .that()
        .resideInAnyPackage("io.pantau.enrich..", "io.pantau.clean..", "io.pantau.monitor..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.pantau.index..",
            "io.pantau.ingest..",
            "io.pantau.alerts..",
            "io.pantau.web..",
            "io.quarkus..",
            "jakarta.persistence..",
            "jakarta.enterprise..",
            "java.net.http..",
            "java.nio.channels..",
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
        .resideInAnyPackage(
            "io.pantau.analytics..",
            "io.pantau.reports..",
            "io.pantau.alerts..",
            "io.pantau.ingest..",
            "io.pantau.demo..",
            "io.pantau.web..")
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

  @Test
  void everyPackageKeepsToItsMayImportLine() {
    Map<String, Rule> rules = rules(MAIN);
    assertTrue(rules.size() >= 15, "package-info files read: " + rules.keySet());
    List<String> broken = violations(classes, rules);
    assertEquals(List.of(), broken, String.join("\n", broken));
  }

  @Test
  void theTableCatchesABrokenRule() {
    // alerts matches articles with monitor and keeps its rules with Panache: take either away from
    // its line and the same classes must fail, naming the class and what it may not use.
    Map<String, Rule> rules = new HashMap<>(rules(MAIN));
    Rule alerts = rules.get("alerts");
    Set<String> withoutMonitor = new HashSet<>(alerts.packages());
    withoutMonitor.remove("monitor");
    rules.put("alerts", new Rule("alerts", withoutMonitor, alerts.libraries()));
    List<String> broken = violations(classes, rules);
    assertTrue(
        broken.stream()
            .anyMatch(v -> v.startsWith("io.pantau.alerts.AlertMatcher -> io.pantau.monitor.")),
        String.join("\n", broken));
    rules.put("alerts", new Rule("alerts", alerts.packages(), Set.of()));
    broken = violations(classes, rules);
    assertTrue(
        broken.stream().anyMatch(v -> v.contains("-> jakarta.persistence.")),
        String.join("\n", broken));
  }

  @Test
  void aPackageInfoWithoutTheLineIsRefused(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("x"));
    Files.writeString(
        dir.resolve("x/package-info.java"), "/** Does things. */\npackage io.pantau.x;\n");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> rules(dir));
    assertTrue(e.getMessage().contains("no 'May import:' line"), e.getMessage());
  }

  @Test
  void aLineIsReadAsWritten() {
    Rule r =
        parse(
            "alerts",
            "/**\n * Alerts.\n *\n * <p>May import: article, index.node, query and the Elasticsearch\n"
                + " * client. From {@code index} only its facades.\n */\npackage io.pantau.alerts;");
    assertEquals(Set.of("article", "index.node", "query"), r.packages());
    assertEquals(Set.of("Elasticsearch client"), r.libraries());
    assertEquals(Set.of(), parse("text", " * <p>May import: nothing; only the JDK.").packages());
    assertThrows(
        IllegalStateException.class, () -> parse("x", " * <p>May import: article, Guava."));
  }

  @Test
  void onlyTheEntryPointHasAMain() {
    List<String> mains = new ArrayList<>();
    for (JavaClass c : classes) {
      for (JavaMethod m : c.getMethods()) {
        if (m.getName().equals("main")
            && m.getModifiers().contains(JavaModifier.STATIC)
            && !c.getName().equals("io.pantau.PantauMain")) {
          mains.add(c.getName());
        }
      }
    }
    assertEquals(List.of(), mains, "development tools belong in src/tools/java");
  }

  @Test
  void noFeatureHoldsMoreThanFifteenPercentOfTheMainCode() throws IOException {
    // A feature is a top-level package with its sub-packages (index with index.node).
    Map<String, Long> lines = new TreeMap<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Path dir = MAIN.relativize(f.getParent());
        String feature =
            dir.getNameCount() == 0 || dir.toString().isEmpty() ? "" : dir.getName(0).toString();
        lines.merge(feature, (long) Files.readAllLines(f).size(), Long::sum);
      }
    }
    long total = lines.values().stream().mapToLong(Long::longValue).sum();
    lines.forEach(
        (feature, n) ->
            assertTrue(
                n * 100 <= total * 15,
                feature + " holds " + n + " of " + total + " lines of main code, more than 15%"));
  }

  /** Every package's rule, read from its package-info.java. */
  static Map<String, Rule> rules(Path mainRoot) {
    Map<String, Rule> rules = new TreeMap<>();
    try (Stream<Path> files = Files.walk(mainRoot)) {
      for (Path f : files.filter(p -> p.endsWith("package-info.java")).toList()) {
        String pkg = mainRoot.relativize(f.getParent()).toString().replace('/', '.');
        Rule r = parse(pkg, Files.readString(f));
        if (r.packages().isEmpty() && r.libraries().isEmpty() && !mayImportNothing(f)) {
          throw new IllegalStateException(f + " has no 'May import:' line");
        }
        rules.put(pkg, r);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rules;
  }

  private static boolean mayImportNothing(Path f) throws IOException {
    return Files.readString(f)
        .replaceAll("\\s*\\n\\s*\\*\\s*", " ")
        .contains("May import: nothing");
  }

  /** The rule in one package-info's text; no line gives an empty rule. */
  static Rule parse(String pkg, String packageInfo) {
    String text = packageInfo.replaceAll("\\s*\\n\\s*\\*\\s*", " ");
    Matcher m = MAY_IMPORT.matcher(text);
    Set<String> packages = new TreeSet<>();
    Set<String> libraries = new TreeSet<>();
    if (m.find()) {
      for (String item : m.group(1).split(",|\\band\\b")) {
        String name = item.trim().replaceFirst("^the ", "");
        if (name.isEmpty() || name.equals("nothing")) {
          continue;
        }
        if (Character.isLowerCase(name.charAt(0))) {
          packages.add(name);
        } else if (GUARDED.containsKey(name)) {
          libraries.add(name);
        } else {
          throw new IllegalStateException(
              pkg + ": '" + name + "' is neither a Pantau package nor one of " + GUARDED.keySet());
        }
      }
    }
    return new Rule(pkg, packages, libraries);
  }

  /** Every dependency of a main class that its package's rule does not allow, one line each. */
  static List<String> violations(JavaClasses classes, Map<String, Rule> rules) {
    Set<String> out = new LinkedHashSet<>();
    for (JavaClass c : classes) {
      String pkg = relative(c.getPackageName());
      if (pkg == null || pkg.isEmpty()) {
        continue; // the entry point may start anything
      }
      Rule rule = rules.get(pkg);
      if (rule == null) {
        out.add(c.getName() + ": package " + pkg + " has no package-info.java with a rule");
        continue;
      }
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        String target = d.getTargetClass().getBaseComponentType().getName();
        String targetPkg = relative(d.getTargetClass().getBaseComponentType().getPackageName());
        if (targetPkg != null) {
          if (!targetPkg.equals(pkg) && !rule.packages().contains(targetPkg)) {
            out.add(
                c.getName()
                    + " -> "
                    + target
                    + " ("
                    + pkg
                    + " may import: "
                    + rule.packages()
                    + ")");
          }
          continue;
        }
        for (Map.Entry<String, List<String>> lib : GUARDED.entrySet()) {
          if (!rule.libraries().contains(lib.getKey())
              && lib.getValue().stream().anyMatch(target::startsWith)) {
            out.add(
                c.getName()
                    + " -> "
                    + target
                    + " ("
                    + lib.getKey()
                    + " not on "
                    + pkg
                    + "'s line)");
          }
        }
      }
    }
    return new ArrayList<>(out);
  }

  /** The package relative to io.pantau ("" for the root), or null outside Pantau. */
  private static String relative(String pkg) {
    if (pkg.equals("io.pantau")) {
      return "";
    }
    return pkg.startsWith("io.pantau.") ? pkg.substring("io.pantau.".length()) : null;
  }
}

package io.pantau.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.config.ClusterSettings;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Checks the compose files the way `docker compose config` would, since Docker is not available
 * here: the stack versions, ports, health checks, start order and the secured override.
 */
class ComposeFileTest {
  private static final Pattern STACK_IMAGE =
      Pattern.compile(
          "docker\\.elastic\\.co/(elasticsearch/elasticsearch|kibana/kibana):(8\\.19\\.\\d+)");

  private static Map<String, Object> load(String file) throws IOException {
    try (Reader r = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
      return map(new Yaml().load(r));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    assertTrue(o instanceof Map, "expected a mapping, got " + o);
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    assertTrue(o instanceof List, "expected a list, got " + o);
    return (List<Object>) o;
  }

  private static Map<String, Object> service(Map<String, Object> compose, String name) {
    return map(map(compose.get("services")).get(name));
  }

  /** The environment as a map, from either of compose's two spellings. */
  private static Map<String, String> env(Map<String, Object> service) {
    Object e = service.get("environment");
    Map<String, String> out = new LinkedHashMap<>();
    if (e instanceof Map<?, ?> m) {
      m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
    } else if (e != null) {
      for (Object item : list(e)) {
        String s = String.valueOf(item);
        int eq = s.indexOf('=');
        out.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
      }
    }
    return out;
  }

  private static String condition(Map<String, Object> service, String dependency) {
    Map<String, Object> deps = map(service.get("depends_on"));
    assertTrue(deps.containsKey(dependency), "depends on " + dependency);
    return String.valueOf(map(deps.get(dependency)).get("condition"));
  }

  private static String healthTest(Map<String, Object> service) {
    return String.join(
        " ",
        list(map(service.get("healthcheck")).get("test")).stream().map(String::valueOf).toList());
  }

  @Test
  void elasticsearchAndKibanaRunTheSame819Patch() throws IOException {
    Map<String, Object> compose = load("docker-compose.yml");
    Matcher es =
        STACK_IMAGE.matcher(String.valueOf(service(compose, "elasticsearch").get("image")));
    Matcher kibana = STACK_IMAGE.matcher(String.valueOf(service(compose, "kibana").get("image")));
    assertTrue(es.matches() && es.group(1).startsWith("elasticsearch"), "elasticsearch image");
    assertTrue(kibana.matches() && kibana.group(1).startsWith("kibana"), "kibana image");
    assertEquals(es.group(2), kibana.group(2), "same patch version");
    Map<String, Object> secure = load("docker-compose.secure.yml");
    String tokenImage = String.valueOf(service(secure, "kibana-token").get("image"));
    assertEquals(String.valueOf(service(compose, "elasticsearch").get("image")), tokenImage);
  }

  @Test
  void servicesStartInOrderOnceTheirDependenciesAreHealthy() throws IOException {
    Map<String, Object> compose = load("docker-compose.yml");
    assertEquals(
        List.of("elasticsearch", "kibana", "postgres", "pantau", "dashboards"),
        List.copyOf(map(compose.get("services")).keySet()));
    Map<String, Object> es = service(compose, "elasticsearch");
    assertEquals("single-node", env(es).get("discovery.type"));
    assertEquals("false", env(es).get("xpack.security.enabled"));
    assertTrue(healthTest(es).contains("_cluster/health"), healthTest(es));
    Map<String, Object> kibana = service(compose, "kibana");
    assertEquals("http://elasticsearch:9200", env(kibana).get("ELASTICSEARCH_HOSTS"));
    assertEquals("service_healthy", condition(kibana, "elasticsearch"));
    assertTrue(healthTest(kibana).contains("/api/status"), healthTest(kibana));
    assertTrue(healthTest(kibana).contains("available"), healthTest(kibana));
    Map<String, Object> pantau = service(compose, "pantau");
    assertEquals("service_healthy", condition(pantau, "elasticsearch"));
    assertEquals("service_healthy", condition(pantau, "postgres"));
    assertEquals("elasticsearch:9200", env(pantau).get("QUARKUS_ELASTICSEARCH_HOSTS"));
    assertTrue(healthTest(pantau).contains("/q/health/ready"));
    Map<String, Object> dashboards = service(compose, "dashboards");
    assertEquals("service_healthy", condition(dashboards, "kibana"));
    assertEquals("http://kibana:5601", env(dashboards).get("KIBANA_URL"));
    assertEquals(List.of("sh", "/dashboards/import.sh"), dashboards.get("entrypoint"));
    assertEquals(List.of("./dashboards:/dashboards:ro"), dashboards.get("volumes"));
    assertEquals("no", dashboards.get("restart"));
    for (String s : List.of("elasticsearch", "kibana", "postgres")) {
      assertTrue(map(service(compose, s)).containsKey("healthcheck"), s + " has a health check");
    }
  }

  @Test
  void pantauIsBuiltFromTheRepositoryDockerfile() throws IOException {
    Map<String, Object> build = map(service(load("docker-compose.yml"), "pantau").get("build"));
    assertEquals(".", build.get("context"));
    assertEquals("src/main/docker/Dockerfile", build.get("dockerfile"));
    assertTrue(Files.isRegularFile(Path.of(String.valueOf(build.get("dockerfile")))));
  }

  @Test
  void portsAreOnlyPublishedOnLoopbackAndDataLivesInNamedVolumes() throws IOException {
    Map<String, Object> compose = load("docker-compose.yml");
    Map<String, String> expected =
        Map.of("elasticsearch", "9200", "kibana", "5601", "pantau", "8080");
    expected.forEach(
        (name, port) ->
            assertEquals(
                List.of("127.0.0.1:" + port + ":" + port),
                service(compose, name).get("ports"),
                name));
    assertFalse(service(compose, "postgres").containsKey("ports"), "the database stays internal");
    Map<String, Object> volumes = map(compose.get("volumes"));
    for (String name : List.of("elasticsearch", "kibana", "postgres", "pantau")) {
      for (Object v : list(service(compose, name).get("volumes"))) {
        String named = String.valueOf(v).split(":")[0];
        assertTrue(volumes.containsKey(named), name + " volume " + v + " is declared");
      }
    }
  }

  @Test
  void theSecuredOverrideTurnsOnAuthenticationWithPasswordsFromTheEnvironment() throws IOException {
    Map<String, Object> base = load("docker-compose.yml");
    Map<String, Object> secure = load("docker-compose.secure.yml");
    Map<String, Object> services = map(secure.get("services"));
    for (String name : services.keySet()) {
      assertTrue(
          map(base.get("services")).containsKey(name) || name.equals("kibana-token"),
          "override names a service of the base file: " + name);
    }
    Map<String, String> es = env(service(secure, "elasticsearch"));
    assertEquals("true", es.get("xpack.security.enabled"));
    assertTrue(es.get("ELASTIC_PASSWORD").startsWith("${ELASTIC_PASSWORD:?"), "password from env");
    assertTrue(
        healthTest(service(secure, "elasticsearch")).contains("-u \"elastic:$$ELASTIC_PASSWORD\""));

    Map<String, Object> token = service(secure, "kibana-token");
    assertEquals("service_healthy", condition(token, "elasticsearch"));
    String script =
        String.join("\n", list(token.get("command")).stream().map(String::valueOf).toList());
    assertTrue(script.contains("/_security/service/elastic/kibana/credential/token/"), script);
    assertEquals(List.of("kibana-token:/token"), token.get("volumes"));

    Map<String, Object> kibana = service(secure, "kibana");
    assertEquals("service_completed_successfully", condition(kibana, "kibana-token"));
    String entry =
        String.join(" ", list(kibana.get("entrypoint")).stream().map(String::valueOf).toList());
    assertTrue(entry.contains("ELASTICSEARCH_SERVICEACCOUNTTOKEN"), entry);
    assertTrue(entry.contains("/usr/local/bin/kibana-docker"), entry);
    assertFalse(env(kibana).containsKey("ELASTICSEARCH_USERNAME"), "no superuser for Kibana");

    assertTrue(
        env(service(secure, "dashboards"))
            .get("KIBANA_AUTH")
            .startsWith("elastic:${ELASTIC_PASSWORD"));
    Map<String, String> pantau = env(service(secure, "pantau"));
    assertEquals("elastic", pantau.get("QUARKUS_ELASTICSEARCH_USERNAME"));
    assertTrue(pantau.get("QUARKUS_ELASTICSEARCH_PASSWORD").startsWith("${ELASTIC_PASSWORD"));
    assertTrue(map(secure.get("volumes")).containsKey("kibana-token"));
  }

  /**
   * What Pantau's connection reads from the two files' environment, merged as compose merges it,
   * with the password the operator exports: the hosts of the base file and the credentials of the
   * override, looked up as Quarkus looks a key up in the environment
   * (QUARKUS_ELASTICSEARCH_PASSWORD for quarkus.elasticsearch.password). A variable named slightly
   * wrong is read as unset.
   */
  @Test
  void pantauReadsTheCredentialsTheSecuredOverrideGivesIt() throws IOException {
    Map<String, String> merged =
        new LinkedHashMap<>(env(service(load("docker-compose.yml"), "pantau")));
    merged.putAll(env(service(load("docker-compose.secure.yml"), "pantau")));
    String exported = "s3cret-from-.env";
    ClusterSettings read =
        ClusterSettings.read(
            key ->
                Optional.ofNullable(
                        merged.get(
                            key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT)))
                    .map(v -> v.replaceAll("\\$\\{ELASTIC_PASSWORD[^}]*}", exported)));
    assertEquals(List.of(URI.create("http://elasticsearch:9200")), read.hosts());
    assertEquals(Optional.of("elastic"), read.username());
    assertEquals(Optional.of(exported), read.password());
    assertEquals(
        Optional.of(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString(("elastic:" + exported).getBytes(StandardCharsets.UTF_8))),
        read.authorization());
  }
}

package io.pantau.index.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Launches and stops one local Elasticsearch node.
 *
 * <p>Elasticsearch refuses to run as root, so as root the node runs as {@code nobody} through
 * {@code setpriv}, and its files must sit where {@code nobody} can reach them; when the requested
 * home is below a directory that other users cannot traverse (root's home, for instance) the start
 * is refused with a message naming the fix ({@link #reachableHome}).
 *
 * <p>The node dies with the Pantau that launched it, however Pantau dies: it runs under a {@link
 * Watchdog} that stops its process group when Pantau's JVM is gone. While a node runs, its home
 * holds a {@link PidFile}, and this JVM holds a lock on {@code pantau.lock} there. A start that
 * finds the lock held refuses (another living Pantau uses this home); one that gets the lock and
 * still finds a node on the home (a pid file and processes whose command line is that node's) stops
 * it first through {@link LeftoverNode}, since two nodes on one data path cannot both start.
 */
public final class EmbeddedElasticsearch implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(EmbeddedElasticsearch.class.getName());
  private static final String UNPACKED_MARKER = ".pantau-unpacked";
  private static final String OWNER_LOCK = "pantau.lock";

  /** How long the node may take to stop after SIGTERM before it gets SIGKILL. */
  static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final Settings settings;
  private Path home;

  /**
   * The watchdog. Its standard input is the pipe whose closing tells the watchdog that Pantau is
   * gone, so this reference must live as long as the node should: an unreachable Process would have
   * its end of the pipe closed by the garbage collector.
   */
  private Process process;

  private FileChannel ownerChannel;
  private FileLock ownerLock;
  private int httpPort;

  /**
   * What the node needs.
   *
   * @param distribution the integ-test zip of Elasticsearch
   * @param home where the distribution is unpacked and the node keeps data and logs
   * @param preferredHttpPort tried first; a free port is picked when it is taken (0: always pick)
   * @param heap the JVM heap, e.g. "512m"
   * @param startTimeout how long to wait for the node to answer before giving up
   * @param javaHome the JDK the node runs on
   * @param security authentication and TLS on HTTP, or null for an open node (the embedded default)
   */
  public record Settings(
      Path distribution,
      Path home,
      int preferredHttpPort,
      String heap,
      Duration startTimeout,
      Path javaHome,
      Security security) {

    public Settings {
      if (distribution == null || home == null) {
        throw new IllegalArgumentException("distribution and home are required");
      }
      heap = heap == null || heap.isBlank() ? "512m" : heap;
      startTimeout = startTimeout == null ? Duration.ofSeconds(120) : startTimeout;
      javaHome = javaHome == null ? Path.of(System.getProperty("java.home")) : javaHome;
    }

    /** An open node: no authentication, plain HTTP. */
    public Settings(
        Path distribution,
        Path home,
        int preferredHttpPort,
        String heap,
        Duration startTimeout,
        Path javaHome) {
      this(distribution, home, preferredHttpPort, heap, startTimeout, javaHome, null);
    }
  }

  /**
   * A node as a production cluster runs: security on, HTTP over TLS with the given certificate and
   * key (PEM files; the key unencrypted), and the {@code elastic} user's password set through the
   * node's keystore ({@code bootstrap.password}).
   *
   * @param caCertificate the CA that signed {@code certificate}, which the start-up probe trusts
   * @param roles the file realm's {@code roles.yml}, or empty
   * @param users users of the file realm, made with the distribution's {@code elasticsearch-users}
   */
  public record Security(
      Path caCertificate,
      Path certificate,
      Path privateKey,
      String elasticPassword,
      String roles,
      List<FileUser> users) {
    public Security {
      roles = roles == null ? "" : roles;
      users = users == null ? List.of() : List.copyOf(users);
    }
  }

  /** A user of the node's file realm, with one role of {@code roles.yml}. */
  public record FileUser(String name, String password, String role) {}

  public EmbeddedElasticsearch(Settings settings) {
    this.settings = settings;
  }

  /** The HTTP address of the running node, e.g. {@code 127.0.0.1:9200}. */
  public String hostAndPort() {
    return "127.0.0.1:" + httpPort;
  }

  /** The node's URL, e.g. {@code https://127.0.0.1:9200} for a secured node. */
  public String url() {
    return (settings.security() == null ? "http://" : "https://") + hostAndPort();
  }

  public int httpPort() {
    return httpPort;
  }

  /** Where the node's files ended up (may differ from the requested home when running as root). */
  public Path home() {
    return home;
  }

  /**
   * The process the node was launched as (the watchdog; the Elasticsearch launcher and server are
   * its descendants), or empty when it is not running. Benchmarks read the node's CPU time through
   * it.
   */
  public synchronized Optional<ProcessHandle> processHandle() {
    return process != null && process.isAlive()
        ? Optional.of(process.toHandle())
        : Optional.empty();
  }

  /**
   * Starts the node and waits until it answers cluster health; throws with the cause otherwise. A
   * node that an earlier Pantau left running on the same home is stopped first; a home in use by
   * another running Pantau is refused.
   */
  public synchronized void start() {
    if (process != null && process.isAlive()) {
      return;
    }
    long t0 = System.nanoTime();
    if (!Files.isRegularFile(settings.distribution())) {
      throw new EmbeddedElasticsearchException(
          "Elasticsearch distribution not found at "
              + settings.distribution()
              + ". Build once with Maven (it copies the integ-test zip to target/elasticsearch) or"
              + " set pantau.elasticsearch.distribution.");
    }
    boolean root = isRoot();
    home = root ? reachableHome(settings.home()) : settings.home().toAbsolutePath();
    try {
      Files.createDirectories(home);
      lockHome();
      // Before the ports are chosen: a node left running may hold the preferred one.
      new LeftoverNode(home, STOP_GRACE).stop();
      Path esHome = unpack(settings.distribution(), home);
      httpPort = choosePort(settings.preferredHttpPort());
      int transportPort = choosePort(0);
      Path data = Files.createDirectories(home.resolve("data"));
      Path logs = Files.createDirectories(home.resolve("logs"));
      Path tmp = Files.createDirectories(home.resolve("tmp"));
      writeConfig(esHome, data, logs, httpPort, transportPort, settings.security());
      if (root) {
        run(List.of("chown", "-R", "nobody:nogroup", home.toString()));
      }
      if (settings.security() != null) {
        secure(esHome, root, settings.security());
      }
      List<String> node = new ArrayList<>();
      if (root) {
        node.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
      }
      node.addAll(
          List.of(
              "env",
              "HOME=" + home,
              "ES_JAVA_HOME=" + settings.javaHome(),
              "ES_TMPDIR=" + tmp,
              "ES_JAVA_OPTS=-Xms" + settings.heap() + " -Xmx" + settings.heap(),
              esHome.resolve("bin/elasticsearch").toString()));
      long pantauPid = ProcessHandle.current().pid();
      Path console = logs.resolve("console.log");
      // Standard input stays a pipe (the default): the watchdog's lifeline to this JVM.
      ProcessBuilder pb =
          new ProcessBuilder(Watchdog.command(pantauPid, STOP_GRACE, node))
              .directory(esHome.toFile());
      pb.redirectErrorStream(true);
      pb.redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()));
      LOG.info(
          "Starting embedded Elasticsearch in "
              + home
              + " on 127.0.0.1:"
              + httpPort
              + (root ? " (as nobody)" : ""));
      process = pb.start();
      Runtime.getRuntime().addShutdownHook(new Thread(this::stopQuietly, "pantau-es-stop"));
      new PidFile(process.pid(), httpPort, pantauPid, esHome).write(home);
      LOG.info(
          "Embedded Elasticsearch runs in process group "
              + process.pid()
              + " under a watchdog that stops it if this Pantau (pid "
              + pantauPid
              + ") dies; pid file "
              + home.resolve(PidFile.NAME));
      awaitHealthy(console);
      LOG.info(
          String.format(
              "Embedded Elasticsearch is up on %s after %.1f s",
              hostAndPort(), (System.nanoTime() - t0) / 1e9));
    } catch (IOException e) {
      stopQuietly();
      throw new EmbeddedElasticsearchException("Could not start embedded Elasticsearch: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopQuietly();
      throw new EmbeddedElasticsearchException("Interrupted while starting Elasticsearch", e);
    } catch (RuntimeException e) {
      stopQuietly();
      throw e;
    }
  }

  /**
   * Takes the home for this JVM. The lock goes with the JVM however it ends, so a held lock means a
   * living Pantau, and a pid file found with the lock taken means one that died.
   */
  private void lockHome() throws IOException {
    FileChannel channel =
        FileChannel.open(
            home.resolve(OWNER_LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      String running =
          PidFile.read(home)
              .map(
                  f ->
                      " (Pantau pid "
                          + f.pantauPid()
                          + ", its Elasticsearch on port "
                          + f.httpPort()
                          + ")")
              .orElse("");
      throw new EmbeddedElasticsearchException(
          "Another Pantau is running with its embedded Elasticsearch in "
              + home
              + running
              + ". Stop it first, or give this one its own pantau.data-dir.");
    }
    ownerChannel = channel;
    ownerLock = lock;
  }

  /** Stops the node's whole process group: TERM, then KILL after a grace period. */
  public synchronized void stop() {
    if (process != null) {
      long pgid = process.pid();
      if (process.isAlive()) {
        LOG.info("Stopping embedded Elasticsearch (process group " + pgid + ")");
        Signals.group("TERM", pgid);
        try {
          if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
            Signals.group("KILL", pgid);
            process.waitFor(10, TimeUnit.SECONDS);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          Signals.group("KILL", pgid);
        }
      }
      // The watchdog's pipe reader ignores TERM, and the node may outlive a launcher that
      // exited early; sweep the group.
      Signals.group("KILL", pgid);
      process = null;
      PidFile.delete(home);
    }
    unlockHome();
  }

  private void unlockHome() {
    if (ownerChannel == null) {
      return;
    }
    try {
      ownerLock.release();
      ownerChannel.close();
    } catch (IOException e) {
      LOG.warning("Could not release " + home.resolve(OWNER_LOCK) + ": " + e);
    }
    ownerChannel = null;
    ownerLock = null;
  }

  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  @Override
  public void close() {
    stop();
  }

  private void stopQuietly() {
    try {
      stop();
    } catch (RuntimeException e) {
      LOG.warning("Could not stop embedded Elasticsearch: " + e);
    }
  }

  /**
   * Puts the {@code elastic} user's password in the node's keystore, with the distribution's own
   * tool, run as the user the node runs as.
   */
  private void secure(Path esHome, boolean root, Security security)
      throws IOException, InterruptedException {
    if (!Files.exists(esHome.resolve("config/elasticsearch.keystore"))) {
      runWithInput(tool(esHome, root, "elasticsearch-keystore", "create"), "");
    }
    runWithInput(
        tool(
            esHome,
            root,
            "elasticsearch-keystore",
            "add",
            "--force",
            "--stdin",
            "bootstrap.password"),
        security.elasticPassword() + "\n");
    for (FileUser u : security.users()) {
      runWithInput(tool(esHome, root, "elasticsearch-users", "userdel", u.name()), "", true);
      runWithInput(
          tool(
              esHome,
              root,
              "elasticsearch-users",
              "useradd",
              u.name(),
              "-p",
              u.password(),
              "-r",
              u.role()),
          "");
    }
  }

  /** A command of the distribution's {@code bin}, run as the user the node runs as. */
  private List<String> tool(Path esHome, boolean root, String name, String... args) {
    List<String> cmd = new ArrayList<>();
    if (root) {
      cmd.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
    }
    cmd.addAll(
        List.of(
            "env",
            "HOME=" + home,
            "ES_JAVA_HOME=" + settings.javaHome(),
            esHome.resolve("bin").resolve(name).toString()));
    cmd.addAll(List.of(args));
    return cmd;
  }

  private static void runWithInput(List<String> cmd, String input)
      throws IOException, InterruptedException {
    runWithInput(cmd, input, false);
  }

  private static void runWithInput(List<String> cmd, String input, boolean mayFail)
      throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(input.getBytes(StandardCharsets.UTF_8));
    }
    String out;
    try (InputStream in = p.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0 && !mayFail) {
      throw new IOException(String.join(" ", cmd) + " failed: " + out.trim());
    }
  }

  /** The probe's client: for a secured node, trusting its CA only. */
  private HttpClient probeClient() {
    HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2));
    if (settings.security() != null) {
      b.sslContext(trusting(settings.security().caCertificate()));
    }
    return b.build();
  }

  /** A TLS context that trusts the certificates in one PEM file. */
  public static SSLContext trusting(Path caPem) {
    try (InputStream in = Files.newInputStream(caPem)) {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      int n = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        trust.setCertificateEntry("ca-" + n++, c);
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (IOException | GeneralSecurityException e) {
      throw new EmbeddedElasticsearchException("Cannot read the CA certificate " + caPem, e);
    }
  }

  private HttpRequest.Builder authorized(HttpRequest.Builder b) {
    Security sec = settings.security();
    if (sec != null) {
      String basic = "elastic:" + sec.elasticPassword();
      b.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
    }
    return b;
  }

  private void awaitHealthy(Path console) throws InterruptedException {
    HttpClient http = probeClient();
    URI health = URI.create(url() + "/_cluster/health");
    long deadline = System.nanoTime() + settings.startTimeout().toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new EmbeddedElasticsearchException(
            "Elasticsearch exited with code "
                + process.exitValue()
                + " during start. Last log lines from "
                + console
                + ":\n"
                + tail(console, 25));
      }
      try {
        HttpResponse<String> r =
            http.send(
                authorized(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && !r.body().contains("\"status\":\"red\"")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    String lines = tail(console, 25);
    stopQuietly();
    throw new EmbeddedElasticsearchException(
        "Elasticsearch did not become healthy within "
            + settings.startTimeout().toSeconds()
            + " s. Last log lines from "
            + console
            + ":\n"
            + lines);
  }

  private static Path unpack(Path zip, Path home) throws IOException {
    String name = zip.getFileName().toString().replaceFirst("\\.zip$", "");
    Path target = home.resolve("dist");
    Path esHome = target.resolve(name);
    if (Files.exists(esHome.resolve(UNPACKED_MARKER))) {
      return esHome;
    }
    LOG.info("Unpacking " + zip + " into " + target);
    Files.createDirectories(target);
    Path real = target.toRealPath();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        Path out = real.resolve(e.getName()).normalize();
        if (!out.startsWith(real)) {
          throw new IOException("zip entry outside target: " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(out);
          continue;
        }
        Files.createDirectories(out.getParent());
        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        String rel = real.relativize(out).toString();
        if (rel.contains("/bin/") || rel.contains("/jdk/bin/") || rel.endsWith(".sh")) {
          out.toFile().setExecutable(true, false);
        }
      }
    }
    if (!Files.isDirectory(esHome)) {
      throw new IOException("unexpected zip layout: no " + esHome);
    }
    // Native controller binaries live under modules/*/platform; they must be executable too.
    try (var files = Files.walk(esHome)) {
      files
          .filter(p -> p.toString().contains("/platform/") && Files.isRegularFile(p))
          .forEach(p -> p.toFile().setExecutable(true, false));
    }
    Files.writeString(esHome.resolve(UNPACKED_MARKER), zip.toString());
    return esHome;
  }

  private static void writeConfig(
      Path esHome, Path data, Path logs, int http, int transport, Security security)
      throws IOException {
    String securityLines = "xpack.security.enabled: false";
    if (security != null) {
      // The node reads TLS files from its config directory only.
      Path certs = Files.createDirectories(esHome.resolve("config/certs"));
      Files.copy(
          security.certificate(), certs.resolve("http.crt"), StandardCopyOption.REPLACE_EXISTING);
      Files.copy(
          security.privateKey(), certs.resolve("http.key"), StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(
          esHome.resolve("config/roles.yml"), security.roles(), StandardCharsets.UTF_8);
      securityLines =
          String.join(
              "\n",
              "xpack.security.enabled: true",
              "xpack.security.http.ssl.enabled: true",
              "xpack.security.http.ssl.certificate: certs/http.crt",
              "xpack.security.http.ssl.key: certs/http.key",
              // One node on loopback: no transport peers to protect.
              "xpack.security.transport.ssl.enabled: false");
    }
    String yml =
        String.join(
            "\n",
            "# Written by Pantau on every start of the embedded node.",
            "cluster.name: pantau-embedded",
            "node.name: pantau-node",
            "discovery.type: single-node",
            securityLines,
            "network.host: 127.0.0.1",
            "http.port: " + http,
            "transport.port: " + transport,
            "path.data: " + data,
            "path.logs: " + logs,
            // A small development disk must not flip indices to read-only.
            "cluster.routing.allocation.disk.threshold_enabled: false",
            "action.auto_create_index: false",
            "");
    Files.writeString(esHome.resolve("config/elasticsearch.yml"), yml, StandardCharsets.UTF_8);
  }

  private static int choosePort(int preferred) throws IOException {
    if (preferred > 0 && isFree(preferred)) {
      return preferred;
    }
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }

  private static boolean isFree(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /**
   * The requested home, when every ancestor can be traversed by other users; otherwise a refusal
   * naming the fix. The node used to move to the system temp directory instead, where a reboot or a
   * temp cleaner can wipe the index without a word: a clone under root's home did that silently.
   */
  static Path reachableHome(Path requested) {
    Path abs = requested.toAbsolutePath().normalize();
    Optional<Path> closed = closedAncestor(abs);
    if (closed.isEmpty()) {
      return abs;
    }
    throw new EmbeddedElasticsearchException(
        "Cannot keep Elasticsearch's data in "
            + abs
            + ": Pantau runs as root, so Elasticsearch runs as the 'nobody' user, and "
            + closed.get()
            + " does not let other users through (no o+x). Set pantau.data-dir (PANTAU_DATA_DIR)"
            + " to a directory every user can traverse, such as /var/lib/pantau, or run Pantau as"
            + " a user other than root.");
  }

  /** The nearest existing ancestor of {@code abs} that other users cannot traverse, if any. */
  static Optional<Path> closedAncestor(Path abs) {
    for (Path p = abs.getParent(); p != null; p = p.getParent()) {
      if (!Files.exists(p)) {
        continue;
      }
      try {
        if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
          return Optional.of(p);
        }
      } catch (IOException | UnsupportedOperationException e) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static void run(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out;
    try (InputStream in = p.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", cmd) + " failed: " + out.trim());
    }
  }

  private static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}

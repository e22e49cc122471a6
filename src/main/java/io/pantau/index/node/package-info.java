/**
 * The embedded Elasticsearch node: the real Elasticsearch distribution (the integ-test zip from
 * Maven Central) unpacked under Pantau's data directory and run as a child process in its own
 * process group.
 *
 * <p>Used by the application when no cluster is configured and by the tests (one node per test
 * JVM). Tests can also run it as a production cluster runs ({@code EmbeddedElasticsearch.Security}:
 * security on, HTTP over TLS, the {@code elastic} password in the node's keystore, users of the
 * file realm), the way {@code SecuredClusterIT} does.
 *
 * <p>The node never outlives its Pantau, and a node that did is never in the way of the next start:
 *
 * <ul>
 *   <li>{@link io.pantau.index.node.EmbeddedElasticsearch} launches the node and stops it by its
 *       process group (SIGTERM, then SIGKILL after a grace period).
 *   <li>{@code Watchdog}: the {@code sh} the node is launched through, leader of the node's group.
 *       Its standard input is a pipe from Pantau's JVM; when that JVM dies in any way (SIGKILL and
 *       the out-of-memory killer included, where no shutdown hook runs), the kernel closes the pipe
 *       and the watchdog stops the group.
 *   <li>{@code PidFile}: {@code node.pid} in the node's home while it runs (its process group, HTTP
 *       port, the Pantau that launched it); removed on an orderly stop.
 *   <li>{@code pantau.lock} in the home, held by the running Pantau's JVM: a second Pantau on the
 *       same home is refused with a clear message instead of fighting over the node.
 *   <li>{@code LeftoverNode}: on start, with the lock held, finds a node still running on the home
 *       (from a pid file, or an Elasticsearch JVM of the home's distribution found in {@code
 *       /proc}, such as one left by a Pantau without the watchdog) and stops it before launching a
 *       new one; a process is only ever signalled when its own command line shows it is that
 *       node's, so a stale pid file never harms another program.
 *   <li>{@code Signals}: the {@code kill} command, for process groups.
 * </ul>
 *
 * <p>Linux only, as the rest of the launcher ({@code setsid}, {@code setpriv}, {@code /proc}).
 *
 * <p>May import: nothing; only the JDK.
 */
package io.pantau.index.node;

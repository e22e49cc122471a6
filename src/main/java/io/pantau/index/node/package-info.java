/**
 * The embedded Elasticsearch node: the real Elasticsearch distribution (the integ-test zip from
 * Maven Central) unpacked under Pantau's data directory and run as a child process in its own
 * process group.
 *
 * <p>Used by the application when no cluster is configured and by the tests (one node per test
 * JVM). Imports nothing from Pantau; only the JDK.
 *
 * <p>The node never outlives its Pantau:
 *
 * <ul>
 *   <li>{@link io.pantau.index.node.EmbeddedElasticsearch} launches the node and stops it by its
 *       process group (SIGTERM, then SIGKILL after a grace period).
 *   <li>{@code Watchdog}: the {@code sh} the node is launched through, leader of the node's group.
 *       Its standard input is a pipe from Pantau's JVM; when that JVM dies in any way (SIGKILL and
 *       the out-of-memory killer included, where no shutdown hook runs), the kernel closes the pipe
 *       and the watchdog stops the group.
 *   <li>{@code Signals}: the {@code kill} command, for process groups.
 * </ul>
 *
 * <p>Linux only, as the rest of the launcher ({@code setsid}, {@code setpriv}).
 */
package io.pantau.index.node;

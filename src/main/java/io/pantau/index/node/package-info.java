/**
 * The embedded Elasticsearch node: the real Elasticsearch distribution (the integ-test zip from
 * Maven Central) unpacked under Pantau's data directory and run as a child process in its own
 * process group.
 *
 * <p>Used by the application when no cluster is configured and by the tests (one node per test
 * JVM). Imports nothing from Pantau; only the JDK.
 */
package io.pantau.index.node;

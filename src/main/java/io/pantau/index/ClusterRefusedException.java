package io.pantau.index;

/**
 * Elasticsearch refused Pantau for a reason of configuration (credentials, privileges, TLS); the
 * message names the node, the cause and the setting to change.
 */
public class ClusterRefusedException extends IllegalStateException {
  public ClusterRefusedException(String message) {
    super(message);
  }
}

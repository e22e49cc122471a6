/**
 * Loads Pantau's prebuilt Kibana dashboards (the saved-object NDJSON files under {@code
 * dashboards/}) into a running Kibana through its saved-objects import API.
 *
 * <p>Kibana answers HTTP 200 even when an import fails, so success is read from the body. Uses only
 * {@code java.net.http}; imports nothing from other Pantau packages, so the command can run without
 * Elasticsearch or a database.
 */
package io.pantau.dashboards;

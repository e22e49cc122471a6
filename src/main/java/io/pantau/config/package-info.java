/**
 * Pantau's typed configuration ({@code pantau.*}). A leaf. Every key is documented on its method
 * and listed in docs/configuration.md. Also here: {@code ClusterSettings}, how to reach and log in
 * to an Elasticsearch cluster (the {@code quarkus.elasticsearch.*} keys with Pantau's API key and
 * CA settings), checked when read; {@code index} builds the client from them.
 *
 * <p>May import: nothing.
 */
package io.pantau.config;

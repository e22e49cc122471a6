/**
 * The REST API and the web UI: thin JAX-RS resources that parse requests, call a feature's public
 * face and shape the answer; one exception mapper that turns every failure into {@code
 * application/problem+json}.
 *
 * <p>No Elasticsearch request building and no persistence here. Nothing imports this package.
 */
package io.pantau.web;

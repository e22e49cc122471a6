/**
 * Outbound network access (feed and page fetching, webhooks): one guard that refuses private,
 * loopback, link-local and cloud-metadata addresses unless {@code
 * pantau.outbound.allow-private-networks=true}, so that no user-supplied URL can reach inside the
 * network Pantau runs in. Imports {@code config} only.
 */
package io.pantau.outbound;

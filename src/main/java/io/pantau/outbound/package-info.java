/**
 * Outbound network access to URLs that users give Pantau: feeds, article pages, their robots.txt
 * and webhooks, redirects included.
 *
 * <p>{@link io.pantau.outbound.OutboundGuard} allows http and https URLs without credentials and
 * refuses hosts that resolve to private, loopback, link-local, unique-local, carrier-grade NAT,
 * multicast, reserved or cloud-metadata addresses, in any spelling (the IPv6 forms that carry an
 * IPv4 address included: mapped, compatible, SIIT, NAT64, 6to4, Teredo), unless {@code
 * pantau.outbound.allow-private-networks=true}. It resolves each host name once per request,
 * through a {@link io.pantau.outbound.Resolver}, and the request connects to exactly the address it
 * checked: the package-private {@code Connector}, the only code that opens these connections, never
 * resolves a name itself, so a name that rebinds to an internal address after the check is never
 * reached there. The host name still goes into the Host header, TLS SNI and the certificate check.
 * {@link io.pantau.outbound.PageFetcher} (GET, with robots.txt, conditional requests, gzip, size
 * and time bounds) and {@link io.pantau.outbound.WebhookSender} (POST) are the public ways out.
 *
 * <p>May import: config, text. Apache HttpClient is its way out.
 */
package io.pantau.outbound;

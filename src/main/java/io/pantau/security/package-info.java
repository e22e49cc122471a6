/**
 * API keys and roles: who may call which {@code /api} endpoint.
 *
 * <p>Keys are stored hashed (Panache entity {@link io.pantau.security.ApiKey}) or set in
 * configuration; every resource method under {@code /api} declares the role it needs with {@link
 * io.pantau.security.RequiresRole}, and {@link io.pantau.security.ApiKeyFilter} enforces it. On
 * failure it throws {@link io.pantau.security.AccessDeniedException}, which the web layer turns
 * into a problem response. Wrong keys are rate-limited per client address ({@code FailureLimiter})
 * and their checks are remembered in bounded maps. At start, {@code OwnerOnlyDatabaseFiles} makes
 * the H2 database's directory and files the owner's only.
 *
 * <p>May import: config, Panache.
 */
package io.pantau.security;

/**
 * Pantau's typed configuration ({@code pantau.*}). A leaf. Every key is documented on its method
 * and listed in docs/configuration.md.
 *
 * <p>May import: nothing.
 */
package io.pantau.config;

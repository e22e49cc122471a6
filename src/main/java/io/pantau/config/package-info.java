/**
 * Pantau's typed configuration ({@code pantau.*}). A leaf: imports nothing from Pantau. Every key
 * is documented on its method and listed in docs/configuration.md.
 */
package io.pantau.config;

/**
 * Text primitives shared by every stage that reads words: case and accent folding, word splitting.
 * Pure functions, no framework imports; a leaf like {@code article}.
 */
package io.pantau.text;

/**
 * Text primitives shared by every stage that reads words: case and accent folding, word splitting,
 * and decoding fetched bytes with the right charset ({@link io.pantau.text.PageDecoder}, used by
 * outbound fetching). Pure functions, no framework imports; a leaf like {@code article}.
 *
 * <p>May import: nothing.
 */
package io.pantau.text;

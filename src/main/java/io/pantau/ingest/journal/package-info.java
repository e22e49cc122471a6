/**
 * The ingest journal: an append-only log of accepted raw articles in {@code <data-dir>/journal/},
 * written and fsynced before an article is answered as accepted, so that a crash or an
 * Elasticsearch outage never loses one.
 *
 * <p>Records are framed as length, CRC-32 and sequence number followed by opaque bytes, in segment
 * files named after their first sequence number. A small checkpoint file holds the low watermark:
 * every sequence number below it is done. On open, the segments are read back from the watermark; a
 * torn or corrupt tail (a crash in the middle of a write) is cut off. Segments whose records are
 * all done are deleted. The journal knows nothing of articles; {@code ingest} encodes them.
 *
 * <p>May import: nothing; only the JDK.
 */
package io.pantau.ingest.journal;

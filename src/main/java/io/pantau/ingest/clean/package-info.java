/** Cleaning: turns raw scraped text and HTML pages into the parts of an article. Pure: no I/O. */
package io.pantau.ingest.clean;

/**
 * Sample data: {@link io.pantau.demo.SeedLoader} loads the files under {@code seeds/} and the
 * generated demo corpus when the index is empty at start; the deterministic article generator is
 * shared by the demo corpus and the benchmark.
 *
 * <p>The generator is pure: {@link io.pantau.demo.ArticleGenerator} reads only its own classpath
 * resources; the seed files are read by {@link io.pantau.ingest.ArticleFiles}. The generator's
 * wording lives in resource files beside this package ({@code id/}, {@code en/}, {@code
 * entities.txt}, {@code topics.txt}, {@code outlets.txt}) so that the text can be extended without
 * touching code.
 *
 * <p>May import: article, config, index, ingest, text. {@code index} only to ask whether it is
 * empty, {@code ingest} to submit the articles as any client does.
 */
package io.pantau.demo;

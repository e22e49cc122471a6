/**
 * Sample data: the seed files Pantau loads on first start and the deterministic article generator
 * shared by the demo corpus and the benchmark.
 *
 * <p>Everything here is pure apart from reading files: {@link io.pantau.ingest.ArticleFiles} reads
 * the files under a given path, {@link io.pantau.demo.ArticleGenerator} reads only its own
 * classpath resources. The generator's wording lives in resource files beside this package ({@code
 * id/}, {@code en/}, {@code entities.txt}, {@code topics.txt}, {@code outlets.txt}) so that the
 * text can be extended without touching code. Imports {@code article} and {@code text} only.
 */
package io.pantau.demo;

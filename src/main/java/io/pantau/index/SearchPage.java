package io.pantau.index;

import io.pantau.article.Article;
import java.util.List;

/**
 * One page of search results and the total number of matches; {@code inflections} lists, for the
 * page, the words of the hits (folded) that the query's bare words matched only through their
 * stems, so a highlighter can mark {@code kebanjiran} for {@code banjir}.
 */
public record SearchPage(long total, List<Article> items, List<String> inflections) {}

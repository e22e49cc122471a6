package io.pantau.index;

import io.pantau.article.Article;
import java.util.List;

/** One page of search results and the total number of matches. */
public record SearchPage(long total, List<Article> items) {}

package io.pantau.alerts;

import io.pantau.query.LuceneCompiler;
import io.pantau.query.Query;
import io.pantau.query.QueryText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a query needs to see in a document before it is worth running: sets of presearch keys of
 * which a matching document holds at least one. A query with no such set ("any") is always run.
 *
 * <p>Keys: {@code t:term} for an analysed title or body term, {@code p:abc} for the first three
 * characters of such a term (prefix queries), {@code f:field=value} for an exact value and {@code
 * fp:field=abc} for its first three characters. Documents list the same keys for what they hold, so
 * a query whose key set shares nothing with a document's keys cannot match it.
 */
final class PresearchTerms {
  static final int PREFIX_KEY_LENGTH = 3;

  private PresearchTerms() {}

  /**
   * The alternative requirement sets of a query, best first; each alone is a sound filter, so a
   * single-pass presearcher takes the first and a multipass one requires all of them. Empty means
   * the query must always run.
   */
  static List<Set<String>> alternatives(Query query) {
    Query q = QueryText.searchable(query);
    if (q instanceof Query.And and) {
      List<Set<String>> sets = new ArrayList<>();
      for (Query c : and.clauses()) {
        required(c).ifPresent(sets::add);
      }
      sets.sort(BETTER_FIRST);
      return List.copyOf(sets);
    }
    return required(q).map(List::of).orElse(List.of());
  }

  /** Fewer keys first, then longer keys: rare, specific terms let fewer queries through. */
  private static final Comparator<Set<String>> BETTER_FIRST =
      Comparator.<Set<String>>comparingInt(Set::size)
          .thenComparing(s -> -s.stream().mapToInt(String::length).min().orElse(0));

  /** One set of keys of which a matching document holds at least one; empty where there is none. */
  static Optional<Set<String>> required(Query q) {
    if (q instanceof Query.MatchAll || q instanceof Query.Not) {
      return Optional.empty();
    }
    if (q instanceof Query.Or or) {
      Set<String> all = new HashSet<>();
      for (Query c : or.clauses()) {
        Optional<Set<String>> r = required(c);
        if (r.isEmpty()) {
          return Optional.empty();
        }
        all.addAll(r.get());
      }
      return Optional.of(Set.copyOf(all));
    }
    if (q instanceof Query.And and) {
      return and.clauses().stream()
          .map(PresearchTerms::required)
          .flatMap(Optional::stream)
          .min(BETTER_FIRST);
    }
    if (q instanceof Query.Near near) {
      return better(required(near.left()), required(near.right()));
    }
    if (q instanceof Query.Term t && t.prefix()) {
      String p = QueryText.prefix(t.word());
      return p.length() < PREFIX_KEY_LENGTH
          ? Optional.empty()
          : Optional.of(Set.of(PREFIX_KIND + p.substring(0, PREFIX_KEY_LENGTH)));
    }
    if (q instanceof Query.Term t) {
      return longestToken(t.word());
    }
    if (q instanceof Query.Phrase p) {
      return longestToken(String.join(" ", p.words()));
    }
    Query.FieldValue v = (Query.FieldValue) q;
    String field = LuceneCompiler.fieldName(v.field());
    String value = QueryText.exact(v.value());
    if (!v.prefix()) {
      return Optional.of(Set.of(exactKey(field, value)));
    }
    return value.length() < PREFIX_KEY_LENGTH
        ? Optional.empty()
        : Optional.of(Set.of(exactPrefixKey(field, value)));
  }

  /** Every token of a word or phrase must be there, so the longest (rarest, usually) will do. */
  private static Optional<Set<String>> longestToken(String text) {
    return QueryText.tokens(text).stream()
        .max(Comparator.comparingInt(String::length))
        .map(t -> Set.of(textKey(t)));
  }

  static final String TEXT_KIND = "t:";
  static final String PREFIX_KIND = "p:";

  static String textKey(String term) {
    return TEXT_KIND + term;
  }

  static String exactKey(String field, String value) {
    return "f:" + field + "=" + value;
  }

  static String exactPrefixKey(String field, String value) {
    return "fp:" + field + "=" + value.substring(0, PREFIX_KEY_LENGTH);
  }

  /** The better of two optional requirement sets (both are sound; either will do). */
  private static Optional<Set<String>> better(Optional<Set<String>> a, Optional<Set<String>> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return BETTER_FIRST.compare(a.get(), b.get()) <= 0 ? a : b;
  }
}

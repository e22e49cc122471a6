package io.pantau.monitor;

import io.pantau.query.LuceneCompiler;
import io.pantau.query.QueryNode;
import io.pantau.query.QueryText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
 *
 * <p>A query is first reduced to its {@link Need}, a tree of keys analysed once; which keys of an
 * AND it is filed under is chosen from that tree by a {@link KeyWeight}, the estimated share of
 * documents holding a key (as Lucene Monitor's term weightors do), so the rarest clause of each
 * conjunction filters. The weight may change as the monitor learns how often keys occur; choosing
 * again is cheap.
 */
final class PresearchTerms {
  static final int PREFIX_KEY_LENGTH = 3;

  private PresearchTerms() {}

  /** The keys a query needs, before any choice between the clauses of an AND. */
  sealed interface Need permits Key, AnyOf, AllOf {}

  /** A document must hold this key. */
  record Key(String key) implements Need {}

  /** A document must meet one of these needs (OR). */
  record AnyOf(List<Need> needs) implements Need {}

  /** A document must meet all of these needs (AND), so any one of them alone is a sound filter. */
  record AllOf(List<Need> needs) implements Need {}

  /** The estimated share of documents that hold a key, from 0 to 1. */
  @FunctionalInterface
  interface KeyWeight {
    double of(String key);
  }

  /**
   * Before anything is known of the documents: longer terms are rarer (after Lucene Monitor's
   * length weightor), a three-letter prefix is common, an exact value is rare.
   */
  static final KeyWeight PRIOR = PresearchTerms::prior;

  static double prior(String key) {
    if (key.startsWith(TEXT_KIND)) {
      int length = key.length() - TEXT_KIND.length();
      return Math.min(0.5, 0.4 * Math.exp(-0.35 * Math.max(0, length - 1)));
    }
    if (key.startsWith(PREFIX_KIND)) {
      return 0.3;
    }
    return key.startsWith(EXACT_PREFIX_KIND) ? 0.05 : 0.01;
  }

  /** One chosen key set and its estimated share of documents (the sum over its keys). */
  record Choice(Set<String> keys, double weight) {}

  /** Lighter first, then fewer keys, then longer keys; the first key breaks the last ties. */
  private static final Comparator<Choice> BETTER_FIRST =
      Comparator.comparingDouble(Choice::weight)
          .thenComparingInt(c -> c.keys().size())
          .thenComparingInt(c -> -c.keys().stream().mapToInt(String::length).min().orElse(0))
          .thenComparing(c -> c.keys().stream().sorted().findFirst().orElse(""));

  /**
   * The alternative requirement sets of a query, best first by the prior weight; each alone is a
   * sound filter, so a single-pass presearcher takes the first and a multipass one requires all of
   * them. Empty means the query must always run.
   */
  static List<Set<String>> alternatives(QueryNode query) {
    return need(query).map(n -> alternatives(n, PRIOR)).orElse(List.of());
  }

  /** The alternative requirement sets of a need, best first by the given weight. */
  static List<Set<String>> alternatives(Need need, KeyWeight weight) {
    List<Choice> choices = new ArrayList<>();
    if (need instanceof AllOf all) {
      for (Need n : all.needs()) {
        choices.add(choose(n, weight));
      }
    } else {
      choices.add(choose(need, weight));
    }
    choices.sort(BETTER_FIRST);
    List<Set<String>> out = new ArrayList<>(choices.size());
    for (Choice c : choices) {
      if (!out.contains(c.keys())) {
        out.add(c.keys());
      }
    }
    return List.copyOf(out);
  }

  /** The best key set of a need: for AND its lightest clause's, for OR every branch's. */
  static Choice choose(Need need, KeyWeight weight) {
    if (need instanceof Key k) {
      return new Choice(Set.of(k.key()), weight.of(k.key()));
    }
    if (need instanceof AnyOf any) {
      Set<String> keys = new LinkedHashSet<>();
      double w = 0;
      for (Need n : any.needs()) {
        Choice c = choose(n, weight);
        keys.addAll(c.keys());
        w += c.weight();
      }
      return new Choice(Set.copyOf(keys), Math.min(1, w));
    }
    Choice best = null;
    for (Need n : ((AllOf) need).needs()) {
      Choice c = choose(n, weight);
      if (best == null || BETTER_FIRST.compare(c, best) < 0) {
        best = c;
      }
    }
    return best;
  }

  /** Every key that appears anywhere in a need. */
  static Set<String> keys(Need need) {
    Set<String> out = new HashSet<>();
    collect(need, out);
    return out;
  }

  private static void collect(Need need, Set<String> out) {
    if (need instanceof Key k) {
      out.add(k.key());
    } else if (need instanceof AnyOf any) {
      any.needs().forEach(n -> collect(n, out));
    } else {
      ((AllOf) need).needs().forEach(n -> collect(n, out));
    }
  }

  /** What a matching document must hold; empty where nothing is required (NOT, match-all). */
  static Optional<Need> need(QueryNode query) {
    return required(QueryText.searchable(query));
  }

  private static Optional<Need> required(QueryNode q) {
    if (q instanceof QueryNode.MatchAll || q instanceof QueryNode.Not) {
      return Optional.empty();
    }
    if (q instanceof QueryNode.Or or) {
      List<Need> all = new ArrayList<>();
      for (QueryNode c : or.clauses()) {
        Optional<Need> r = required(c);
        if (r.isEmpty()) {
          return Optional.empty();
        }
        all.add(r.get());
      }
      return Optional.of(all.size() == 1 ? all.get(0) : new AnyOf(List.copyOf(all)));
    }
    if (q instanceof QueryNode.And and) {
      return allOf(and.clauses().stream().map(PresearchTerms::required).toList());
    }
    if (q instanceof QueryNode.Near near) {
      return allOf(List.of(required(near.left()), required(near.right())));
    }
    if (q instanceof QueryNode.Term t && t.prefix()) {
      String p = QueryText.prefix(t.word());
      return p.length() < PREFIX_KEY_LENGTH
          ? Optional.empty()
          : Optional.of(new Key(PREFIX_KIND + p.substring(0, PREFIX_KEY_LENGTH)));
    }
    if (q instanceof QueryNode.Term t) {
      List<String> tokens = QueryText.tokens(t.word());
      if (tokens.size() == 1) {
        // The word itself, or its stem under one of the stemmers.
        List<Need> keys = new ArrayList<>();
        for (String key : CompiledQuery.wordKeys(t.word(), tokens.get(0))) {
          Need k = new Key(textKey(key));
          if (!keys.contains(k)) {
            keys.add(k);
          }
        }
        return Optional.of(keys.size() == 1 ? keys.get(0) : new AnyOf(List.copyOf(keys)));
      }
      return everyToken(t.word());
    }
    if (q instanceof QueryNode.Phrase p) {
      return everyToken(String.join(" ", p.words()));
    }
    QueryNode.FieldValue v = (QueryNode.FieldValue) q;
    String field = LuceneCompiler.fieldName(v.field());
    String value = QueryText.exact(v.value());
    if (!v.prefix()) {
      return Optional.of(new Key(exactKey(field, value)));
    }
    return value.length() < PREFIX_KEY_LENGTH
        ? Optional.empty()
        : Optional.of(new Key(exactPrefixKey(field, value)));
  }

  /** The needs that are there, all required; empty when none is. */
  private static Optional<Need> allOf(List<Optional<Need>> needs) {
    List<Need> present = new ArrayList<>();
    for (Optional<Need> n : needs) {
      // A conjunction inside a conjunction: its clauses are alternatives of the outer one.
      n.ifPresent(x -> present.addAll(x instanceof AllOf all ? all.needs() : List.of(x)));
    }
    if (present.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(present.size() == 1 ? present.get(0) : new AllOf(List.copyOf(present)));
  }

  /** Every token of a word or phrase must be there, so any one of them will do. */
  private static Optional<Need> everyToken(String text) {
    List<Need> keys =
        QueryText.tokens(text).stream().distinct().<Need>map(t -> new Key(textKey(t))).toList();
    if (keys.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(keys.size() == 1 ? keys.get(0) : new AllOf(keys));
  }

  static final String TEXT_KIND = "t:";
  static final String PREFIX_KIND = "p:";
  static final String EXACT_PREFIX_KIND = "fp:";

  static String textKey(String term) {
    return TEXT_KIND + term;
  }

  static String exactKey(String field, String value) {
    return "f:" + field + "=" + value;
  }

  static String exactPrefixKey(String field, String value) {
    return EXACT_PREFIX_KIND + field + "=" + value.substring(0, PREFIX_KEY_LENGTH);
  }
}

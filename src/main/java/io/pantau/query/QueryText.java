package io.pantau.query;

import io.pantau.analysis.Stemming;
import io.pantau.text.Fold;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * How query words become index terms, shared by both compilers so that they agree on every word:
 * the folding and tokenising of the index, the lower-casing of exact fields, and the dropping of
 * words that leave no term at all.
 */
public final class QueryText {
  /**
   * Elasticsearch's {@code standard} analyzer: the standard tokenizer and lower-casing, no stop
   * words. Both run the same Lucene line, so a word tokenises alike on both sides.
   */
  private static final Analyzer STANDARD = new StandardAnalyzer(CharArraySet.EMPTY_SET);

  private QueryText() {}

  /** The stemmers whose stems are indexed beside the surface words ({@code id}, {@code en}). */
  public static final List<String> STEMMERS = Stemming.STEMMERS;

  /**
   * A new analyzer for the {@code title} and {@code body} of documents matched with Lucene, the
   * same as the one that reads query words; the caller closes it.
   */
  public static Analyzer analyzer() {
    return new StandardAnalyzer(CharArraySet.EMPTY_SET);
  }

  /**
   * The stemmers a query word is looked up under, each with the stem of the word there: a bare word
   * matches an article holding the word itself, or (in the article's own language) any word with
   * the same stem. Empty for a word that is not one single token ({@code China-Kazakhstan} stays a
   * phrase of its surface parts).
   */
  public static Map<String, String> stems(String word) {
    List<String> t = tokens(word);
    if (t.size() != 1) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String stemmer : Stemming.STEMMERS) {
      out.put(stemmer, Stemming.stem(stemmer, t.get(0)));
    }
    return out;
  }

  /** The stemmer an article in this language is stemmed with, or null for none. */
  public static String stemmerFor(String lang) {
    return Stemming.stemmerFor(lang);
  }

  /** The stem of one index term (as {@link #tokens} gives it) under a stemmer. */
  public static String stem(String stemmer, String term) {
    return Stemming.stem(stemmer, term);
  }

  /**
   * Folded text as its stemmed field holds it: every token replaced by its stem, separated by
   * spaces, one stem per token so that positions stay those of the surface words.
   */
  public static String stemmedText(String stemmer, String foldedText) {
    if (foldedText == null || foldedText.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(foldedText.length());
    forEachToken(
        STANDARD,
        "",
        foldedText,
        (term, position) -> {
          if (out.length() > 0) {
            out.append(' ');
          }
          out.append(Stemming.stem(stemmer, term));
        });
    return out.toString();
  }

  /**
   * A new analyzer for stemmed fields, whose text is already one stem per space-separated token:
   * Elasticsearch's {@code whitespace} analyzer; the caller closes it.
   */
  public static Analyzer stemAnalyzer() {
    return new WhitespaceAnalyzer();
  }

  /**
   * The words of a text (folded, as the index has them) that a query's bare words or prefixes match
   * only through their stems in the text's language: {@code kebanjiran} for {@code banjir}. What a
   * highlighter marks beside the words the query spells out. Words under NOT are not reasons for a
   * match and are left out; so are quoted phrases, which match as written.
   */
  public static Set<String> inflectedWords(QueryNode query, String lang, String text) {
    String stemmer = stemmerFor(lang);
    Set<String> out = new TreeSet<>();
    if (stemmer == null || text == null || text.isEmpty()) {
      return out;
    }
    List<String> words = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    for (QueryNode leaf : searchable(query).positiveClauses()) {
      if (leaf instanceof QueryNode.Term t && t.prefix()) {
        prefixes.add(prefix(t.word()));
      } else if (leaf instanceof QueryNode.Term t) {
        List<String> token = tokens(t.word());
        if (token.size() == 1) {
          words.add(token.get(0));
        }
      }
    }
    if (words.isEmpty() && prefixes.isEmpty()) {
      return out;
    }
    Set<String> wordStems = new HashSet<>();
    words.forEach(w -> wordStems.add(Stemming.stem(stemmer, w)));
    for (String token : new HashSet<>(tokens(text))) {
      if (words.contains(token) || prefixes.stream().anyMatch(token::startsWith)) {
        continue; // spelled out by the query: the highlighter finds it itself
      }
      String stem = Stemming.stem(stemmer, token);
      if (wordStems.contains(stem) || prefixes.stream().anyMatch(stem::startsWith)) {
        out.add(token);
      }
    }
    return out;
  }

  /** The index terms of text as a query or the index sees it: folded, then tokenised. */
  public static List<String> tokens(String text) {
    return analyze(text).terms();
  }

  /** Terms with their positions, which a phrase needs when a token was skipped. */
  public record Analyzed(List<String> terms, List<Integer> positions) {}

  /** The index terms of text with their positions, as a phrase of them is compiled. */
  public static Analyzed analyze(String text) {
    List<String> terms = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    forEachToken(
        STANDARD,
        "",
        Fold.fold(text),
        (term, position) -> {
          terms.add(term);
          positions.add(position);
        });
    return new Analyzed(List.copyOf(terms), List.copyOf(positions));
  }

  /** Receives each token of an analysed text with its position. */
  @FunctionalInterface
  public interface TokenSink {
    void accept(String term, int position);
  }

  /**
   * Runs already folded text through an analyzer and hands each term with its position (the sum of
   * the position increments, from 0) to the sink, as an index would record them.
   */
  public static void forEachToken(Analyzer analyzer, String field, String text, TokenSink sink) {
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      stream.reset();
      int position = -1;
      while (stream.incrementToken()) {
        position += increment.getPositionIncrement();
        sink.accept(term.toString(), position);
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("reading a string cannot fail", e);
    }
  }

  /**
   * The term a prefix query compares with index terms: folded, then lower-cased the way the
   * analyzer does, code point by code point.
   */
  public static String prefix(String word) {
    return lowerCase(Fold.fold(word));
  }

  /**
   * An exact-field value as the {@code lowercase} normalizer stores it: lower-cased code point by
   * code point (as Lucene's LowerCaseFilter does, not {@code String.toLowerCase}, whose special
   * cases such as the Greek final sigma the index does not make), accents kept.
   */
  public static String exact(String value) {
    return lowerCase(value);
  }

  private static String lowerCase(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().map(Character::toLowerCase).forEach(out::appendCodePoint);
    return out.toString();
  }

  /**
   * The query with every word and phrase that leaves no index term (such as a lone "&") removed,
   * the way a stop word is; nothing left means {@link QueryNode.MatchAll}. Compilers run this
   * first.
   */
  public static QueryNode searchable(QueryNode query) {
    return prune(query).orElseGet(QueryNode.MatchAll::new);
  }

  private static Optional<QueryNode> prune(QueryNode q) {
    if (q instanceof QueryNode.Term t) {
      boolean empty = t.prefix() ? prefix(t.word()).isEmpty() : tokens(t.word()).isEmpty();
      return empty ? Optional.empty() : Optional.of(q);
    }
    if (q instanceof QueryNode.Phrase p) {
      return tokens(String.join(" ", p.words())).isEmpty() ? Optional.empty() : Optional.of(q);
    }
    if (q instanceof QueryNode.Not not) {
      return prune(not.clause()).map(Builders::not);
    }
    if (q instanceof QueryNode.And and) {
      List<QueryNode> kept = pruneAll(and.clauses());
      return kept.isEmpty() ? Optional.empty() : Optional.of(Builders.and(kept));
    }
    if (q instanceof QueryNode.Or or) {
      List<QueryNode> kept = pruneAll(or.clauses());
      return kept.isEmpty() ? Optional.empty() : Optional.of(Builders.or(kept));
    }
    if (q instanceof QueryNode.Near near) {
      Optional<QueryNode> left = prune(near.left());
      Optional<QueryNode> right = prune(near.right());
      if (left.isPresent() && right.isPresent()) {
        return Optional.of(new QueryNode.Near(left.get(), right.get(), near.distance()));
      }
      return left.isPresent() ? left : right;
    }
    return Optional.of(q);
  }

  private static List<QueryNode> pruneAll(List<QueryNode> clauses) {
    List<QueryNode> kept = new ArrayList<>();
    clauses.forEach(c -> prune(c).ifPresent(kept::add));
    return kept;
  }
}

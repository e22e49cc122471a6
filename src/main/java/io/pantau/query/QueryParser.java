package io.pantau.query;

import io.pantau.query.Lexer.Kind;
import io.pantau.query.Lexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses the Pantau query language (see {@code package-info}) by recursive descent, one method per
 * grammar rule.
 */
public final class QueryParser {
  /** Longest query accepted, in characters. */
  public static final int MAX_LENGTH = 1000;

  /** Most words, phrases and field values in one query. */
  public static final int MAX_CLAUSES = 100;

  /**
   * Deepest nesting of parentheses; keeps the compiled Elasticsearch query well inside the
   * cluster's limit on nested bool queries.
   */
  public static final int MAX_GROUP_DEPTH = 10;

  private static final String OPERAND = "a word, phrase or \"(\"";

  private final List<Token> tokens;
  private int index;
  private int clauses;
  private int depth;

  /** The field of the enclosing {@code field:( ... )} group, if any. */
  private String groupField;

  private QueryParser(List<Token> tokens) {
    this.tokens = tokens;
  }

  /**
   * Parses a query; blank text means {@link QueryNode.MatchAll}.
   *
   * @throws QuerySyntaxException where the text does not follow the grammar
   * @throws QueryLimitException where it is longer than {@link #MAX_LENGTH}, has more than {@link
   *     #MAX_CLAUSES} clauses or nests groups deeper than {@link #MAX_GROUP_DEPTH}
   */
  public static QueryNode parse(String text) {
    if (text == null) {
      return new QueryNode.MatchAll();
    }
    if (text.length() > MAX_LENGTH) {
      throw new QueryLimitException(
          MAX_LENGTH, "query is longer than " + MAX_LENGTH + " characters (" + text.length() + ")");
    }
    QueryParser parser = new QueryParser(Lexer.tokens(text));
    if (parser.peek().kind() == Kind.END) {
      return new QueryNode.MatchAll();
    }
    QueryNode query = parser.or();
    Token rest = parser.peek();
    if (rest.kind() != Kind.END) {
      String expected = rest.kind() == Kind.RPAREN ? "end of query" : "AND, OR or end of query";
      throw new QuerySyntaxException(
          rest.start(),
          expected,
          "unexpected \"" + rest.text() + "\" at " + rest.start() + "; expected " + expected);
    }
    return query;
  }

  private Token peek() {
    return tokens.get(index);
  }

  private Token take() {
    return tokens.get(index++);
  }

  private QueryNode or() {
    List<QueryNode> clauses = new ArrayList<>();
    clauses.add(and());
    while (peek().kind() == Kind.OR) {
      take();
      clauses.add(and());
    }
    return Builders.or(clauses);
  }

  private QueryNode and() {
    List<QueryNode> clauses = new ArrayList<>();
    clauses.add(not());
    while (true) {
      Kind kind = peek().kind();
      if (kind == Kind.AND) {
        take();
        clauses.add(not());
      } else if (startsClause(kind)) {
        clauses.add(not());
      } else {
        return Builders.and(clauses);
      }
    }
  }

  private static boolean startsClause(Kind kind) {
    return kind == Kind.WORD
        || kind == Kind.PHRASE
        || kind == Kind.FIELD
        || kind == Kind.LPAREN
        || kind == Kind.NOT
        || kind == Kind.MINUS;
  }

  private QueryNode not() {
    boolean negated = false;
    // A loop rather than recursion: a long run of "-" must not exhaust the stack.
    while (peek().kind() == Kind.NOT || peek().kind() == Kind.MINUS) {
      take();
      negated = !negated;
    }
    QueryNode near = near();
    return negated ? Builders.not(near) : near;
  }

  private QueryNode near() {
    Token leftStart = peek();
    QueryNode left = primary();
    if (peek().kind() != Kind.NEAR) {
      return left;
    }
    int distance = take().number();
    Token rightStart = peek();
    QueryNode right = primary();
    requireNearOperand(left, leftStart);
    requireNearOperand(right, rightStart);
    return new QueryNode.Near(left, right, distance);
  }

  private static void requireNearOperand(QueryNode operand, Token at) {
    if (!Canonical.isNearOperand(operand)) {
      String expected = "words, phrases without \"~\" or OR groups of them around NEAR";
      throw new QuerySyntaxException(
          at.start(), expected, "expected " + expected + " at " + at.start());
    }
  }

  private QueryNode primary() {
    Token token = peek();
    String field = groupField;
    if (token.kind() == Kind.FIELD) {
      if (groupField != null) {
        throw new QuerySyntaxException(
            token.start(),
            OPERAND,
            "field \""
                + token.text()
                + "\" inside a "
                + groupField
                + ": group at "
                + token.start()
                + "; a group takes one field");
      }
      take();
      field = token.text();
      token = peek();
    }
    switch (token.kind()) {
      case LPAREN:
        return group(field);
      case PHRASE:
        take();
        return phrase(field, token);
      case WORD:
        take();
        return word(field, token);
      default:
        throw QuerySyntaxException.expected(token.start(), OPERAND);
    }
  }

  private QueryNode group(String field) {
    Token open = take();
    if (++depth > MAX_GROUP_DEPTH) {
      throw new QueryLimitException(
          open.start(), "groups nested deeper than " + MAX_GROUP_DEPTH + " at " + open.start());
    }
    String outer = groupField;
    groupField = field;
    QueryNode inner = or();
    groupField = outer;
    depth--;
    if (peek().kind() != Kind.RPAREN) {
      throw QuerySyntaxException.expected(peek().start(), "\")\"");
    }
    take();
    return inner;
  }

  private QueryNode phrase(String field, Token token) {
    List<String> words = Lexer.splitOnSpace(token.text());
    if (words.isEmpty()) {
      throw QuerySyntaxException.expected(token.start() + 1, "a word inside the quotes");
    }
    countClause(token);
    Optional<ExactField> exact = exactField(field);
    if (exact.isPresent()) {
      if (token.number() > 0) {
        throw new QuerySyntaxException(
            token.start(),
            "a value without \"~\"",
            "\"~\" applies to text phrases, not to " + field + ": at " + token.start());
      }
      return new QueryNode.FieldValue(exact.get(), String.join(" ", words), false);
    }
    return new QueryNode.Phrase(textField(field), words, token.number());
  }

  private QueryNode word(String field, Token token) {
    countClause(token);
    Optional<ExactField> exact = exactField(field);
    if (exact.isPresent()) {
      return new QueryNode.FieldValue(exact.get(), token.text(), token.prefix());
    }
    return new QueryNode.Term(textField(field), token.text(), token.prefix());
  }

  private void countClause(Token token) {
    if (++clauses > MAX_CLAUSES) {
      throw new QueryLimitException(
          token.start(),
          "more than "
              + MAX_CLAUSES
              + " words, phrases or field values (at "
              + token.start()
              + ")");
    }
  }

  private static Optional<ExactField> exactField(String field) {
    return field == null ? Optional.empty() : Fields.exact(field);
  }

  private static TextField textField(String field) {
    return field == null ? TextField.ANY : Fields.text(field).orElseThrow();
  }
}

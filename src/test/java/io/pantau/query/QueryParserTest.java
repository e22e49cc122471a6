package io.pantau.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QueryParserTest {
  private static QueryNode.Term word(String w) {
    return new QueryNode.Term(TextField.ANY, w, false);
  }

  @ParameterizedTest(name = "[{0}] prints as [{1}]")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "a b                     | a AND b",
        "a AND b                 | a AND b",
        "a OR b c                | a OR b AND c",
        "a b OR c                | a AND b OR c",
        "(a OR b) c              | (a OR b) AND c",
        "a (b c) d               | a AND b AND c AND d",
        "a OR (b OR c)           | a OR b OR c",
        "NOT a b                 | NOT a AND b",
        "-a NEAR/3 b             | NOT a NEAR/3 b",
        "a NEAR/3 b c            | a NEAR/3 b AND c",
        "(a OR b) NEAR/0 \"c d\"   | (a OR b) NEAR/0 \"c d\"",
        "and or not              | and AND or AND not",
        "Near NEAR               | Near AND NEAR",
        "title:(a OR \"b c\")      | title:a OR title:\"b c\"",
        "person:\"Xi   Jinping\"   | person:\"Xi Jinping\"",
        "person:Jokowi           | person:\"Jokowi\"",
        "\u201Ca b\u201D~3       | \"a b\"~3",
        "\u201Ea b\u201C         | \"a b\"",
        "jok*                    | jok*",
        "source:kom*             | source:kom*",
        "Title:Jokowi            | title:Jokowi",
        "--a                     | a",
        "NOT -a                  | a",
        "-(a -b)                 | NOT (a AND NOT b)",
        "China-Kazakhstan        | China-Kazakhstan",
        "http://kompas.com/a?b=1 | http://kompas.com/a?b=1",
        "10:30                   | 10:30",
        "a*b                     | a*b",
        "abc**                   | abc**",
        "a~2                     | a~2",
        "\"a b\"~0               | \"a b\"",
        "(((a)))                 | a",
      })
  void printsTheCanonicalForm(String query, String canonical) {
    QueryNode parsed = QueryParser.parse(query);
    assertEquals(canonical, parsed.toString());
    assertEquals(parsed, QueryParser.parse(canonical), "the canonical form parses back");
  }

  @Test
  void keepsWordsAsWrittenAndBuildsTheExpectedTree() {
    assertEquals(
        new QueryNode.And(
            List.of(
                word("Tōkayev"),
                new QueryNode.Not(new QueryNode.FieldValue(ExactField.LANG, "EN", false)),
                new QueryNode.Phrase(TextField.BODY, List.of("Xi", "Jinping"), 2))),
        QueryParser.parse("Tōkayev -lang:EN body:\"Xi Jinping\"~2"));
    assertEquals(
        new QueryNode.Near(
            word("jokowi"),
            new QueryNode.Or(
                List.of(
                    new QueryNode.Term(TextField.ANY, "zel", true),
                    new QueryNode.Phrase(TextField.ANY, List.of("Xi", "Jinping"), 0))),
            5),
        QueryParser.parse("jokowi NEAR/5 (zel* OR \"Xi Jinping\")"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n", "\u00A0\u2003"})
  void aBlankQueryMatchesEverything(String blank) {
    assertInstanceOf(QueryNode.MatchAll.class, QueryParser.parse(blank));
  }

  @Test
  void aLoneNegationIsANot() {
    assertEquals(new QueryNode.Not(word("foo")), QueryParser.parse("-foo"));
    assertEquals(new QueryNode.Not(word("foo")), QueryParser.parse("NOT foo"));
  }

  @ParameterizedTest(name = "[{0}] fails with [{1}]")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "(jokowi OR kpu            | 14 | expected \")\" at 14",
        "a OR                      | 4  | expected a word, phrase or \"(\" at 4",
        "AND a                     | 0  | expected a word, phrase or \"(\" at 0",
        "a AND OR b                | 6  | expected a word, phrase or \"(\" at 6",
        "a -                       | 3  | expected a word, phrase or \"(\" at 3",
        "title:                    | 6  | expected a word, phrase or \"(\" at 6",
        "a)                        | 1  | unexpected \")\" at 1; expected end of query",
        "a NEAR/2 b NEAR/2 c       | 11 | unexpected \"NEAR/2\" at 11; expected AND, OR or end of query",
        "jo*                       | 2  | expected at least 3 characters before \"*\" at 2",
        "\"abc                     | 4  | expected a closing '\"' at 4",
        "\"\"                      | 1  | expected a word inside the quotes at 1",
        "a NEAR/ b                 | 7  | expected a number from 0 to 1000 after \"NEAR/\" at 7",
        "a NEAR/1001 b             | 7  | expected a number from 0 to 1000 after \"NEAR/\" at 7",
        "a NEAR/2x b               | 8  | expected a space after NEAR/2 at 8",
        "\"a\"~99999               | 4  | expected a number from 0 to 1000 after \"~\" at 4",
        "\"a\"~                    | 4  | expected a number from 0 to 1000 after \"~\" at 4",
        "a NEAR/3 (b AND c)        | 9  | expected words, phrases without \"~\" or OR groups of them"
            + " around NEAR at 9",
        "person:x NEAR/2 y         | 0  | expected words, phrases without \"~\" or OR groups of them"
            + " around NEAR at 0",
        "\"a b\"~2 NEAR/3 c        | 0  | expected words, phrases without \"~\" or OR groups of them"
            + " around NEAR at 0",
        "person:\"a b\"~2          | 7  | \"~\" applies to text phrases, not to person: at 7",
        "title:(a body:x)          | 9  | field \"body\" inside a title: group at 9; a group takes"
            + " one field",
        "foo:bar                   | 0  | unknown field \"foo\" at 0; expected one of title, body,"
            + " source, publisher, lang, person, org, place, keyword, story (quote a word that"
            + " contains a colon)",
        "a Jakarta: banjir         | 2  | unknown field \"Jakarta\" at 2; expected one of title, body,"
            + " source, publisher, lang, person, org, place, keyword, story (quote a word that"
            + " contains a colon)",
      })
  void reportsWhereAndWhatWasExpected(String query, int position, String message) {
    QuerySyntaxException e =
        assertThrows(QuerySyntaxException.class, () -> QueryParser.parse(query));
    assertEquals(message, e.getMessage());
    assertEquals(position, e.position());
  }

  @Test
  void aQueryOfMoreThanAThousandCharactersIsRefused() {
    String ok = "a".repeat(QueryParser.MAX_LENGTH);
    assertEquals(word(ok), QueryParser.parse(ok));
    QueryLimitException e =
        assertThrows(QueryLimitException.class, () -> QueryParser.parse(ok + "a"));
    assertEquals("query is longer than 1000 characters (1001)", e.getMessage());
  }

  @Test
  void aQueryOfMoreThanAHundredClausesIsRefused() {
    String hundred = "w ".repeat(QueryParser.MAX_CLAUSES);
    assertEquals(100, QueryParser.parse(hundred).positiveClauses().size());
    QueryLimitException e =
        assertThrows(QueryLimitException.class, () -> QueryParser.parse(hundred + "\"x y\""));
    assertEquals(200, e.position());
    assertEquals("more than 100 words, phrases or field values (at 200)", e.getMessage());
  }

  @Test
  void groupsNestedDeeperThanTenAreRefused() {
    assertEquals(word("a"), QueryParser.parse("(".repeat(10) + "a" + ")".repeat(10)));
    QueryLimitException e =
        assertThrows(
            QueryLimitException.class,
            () -> QueryParser.parse("(".repeat(11) + "a" + ")".repeat(11)));
    assertEquals(10, e.position());
  }

  @Test
  void aLongRunOfNegationsDoesNotExhaustTheStack() {
    assertEquals(word("a"), QueryParser.parse("-".repeat(998) + "a"));
    assertEquals(new QueryNode.Not(word("a")), QueryParser.parse("-".repeat(999) + "a"));
  }

  @Test
  void positiveClausesListWhatCanMakeADocumentMatch() {
    QueryNode q = QueryParser.parse("jokowi -prabowo \"a b\" NOT (x OR -y) person:z NEAR kpk*");
    assertEquals(
        List.of(
            word("jokowi"),
            new QueryNode.Phrase(TextField.ANY, List.of("a", "b"), 0),
            word("y"),
            new QueryNode.FieldValue(ExactField.PERSON, "z", false),
            word("NEAR"),
            new QueryNode.Term(TextField.ANY, "kpk", true)),
        q.positiveClauses());
  }
}

package io.pantau.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pantau.article.Article;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fixture of the corpus comes out with the fields its expectation file names. */
class FixtureCorpusTest {
  private static final ArticleCleaner CLEANER = new ArticleCleaner();

  static Stream<Fixtures.Fixture> fixtures() {
    return Fixtures.all();
  }

  @Test
  void theCorpusHasAtLeastThirtyFixtures() {
    assertTrue(Fixtures.all().count() >= 30, "fixtures: " + Fixtures.all().count());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void fixtureComesOutAsExpected(Fixtures.Fixture fixture) {
    Article a = CLEANER.clean(fixture.raw());
    JsonNode e = fixture.expected();
    List<String> problems = new ArrayList<>();
    check(problems, e, "title", a, Article::title);
    check(problems, e, "place", a, x -> x.dateline().place());
    check(problems, e, "agency", a, x -> x.dateline().agency());
    check(problems, e, "publisher", a, Article::publisher);
    check(problems, e, "source", a, Article::source);
    check(problems, e, "canonicalUrl", a, Article::canonicalUrl);
    check(problems, e, "reporter", a, x -> x.credits().reporter());
    check(problems, e, "editor", a, x -> x.credits().editor());
    check(problems, e, "photographer", a, x -> x.credits().photographer());
    check(problems, e, "rightsHolder", a, x -> x.rights().holder());
    check(problems, e, "aiUse", a, x -> x.rights().aiUse().name());
    check(problems, e, "lang", a, Article::lang);
    check(problems, e, "precision", a, x -> x.publishedPrecision().name());
    if (e.has("published")) {
      String want = e.get("published").asText();
      String got =
          want.length() == 10
              ? a.published().atOffset(ZoneOffset.UTC).toLocalDate().toString()
              : a.published().toString();
      if (want.length() > 10) {
        want = Instant.parse(want).toString();
      }
      if (!want.equals(got)) {
        problems.add("published: want " + want + ", got " + got);
      }
    }
    if (e.has("noticeContains")) {
      String notice = a.rights().notice();
      if (notice == null || !notice.contains(e.get("noticeContains").asText())) {
        problems.add("notice: want to contain " + e.get("noticeContains") + ", got " + notice);
      }
    }
    if (e.has("captions")) {
      List<String> want = new ArrayList<>();
      e.get("captions").forEach(n -> want.add(n.asText()));
      if (!want.equals(a.captions())) {
        problems.add("captions: want " + want + ", got " + a.captions());
      }
    }
    List<String> body = fixture.body();
    if (!body.equals(a.paragraphs())) {
      problems.add(
          "body: want\n  "
              + String.join("\n  ", body)
              + "\ngot\n  "
              + String.join("\n  ", a.paragraphs()));
    }
    if (!body.isEmpty()) {
      if (!body.get(0).equals(a.lead())) {
        problems.add("lead: want " + body.get(0) + ", got " + a.lead());
      }
    }
    assertEquals(List.of(), problems, fixture.name());
  }

  private static void check(
      List<String> problems, JsonNode e, String field, Article a, Function<Article, String> get) {
    if (!e.has(field)) {
      return;
    }
    String want = e.get(field).isNull() ? null : e.get(field).asText();
    String got = get.apply(a);
    if (want == null ? got != null : !want.equals(got)) {
      problems.add(field + ": want " + want + ", got " + got);
    }
  }
}

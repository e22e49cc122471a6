package io.pantau.clean;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.article.Article;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Measures, over the fixture corpus, how well the cleaner separates story from chrome at the
 * paragraph level, and prints the figures next to those of the layout-blind baseline.
 *
 * <p>Two views. Body: of the paragraphs the cleaner kept as body, how many are expected
 * (precision), and of the expected ones, how many it kept (recall). Boilerplate removal: each
 * paragraph of the input (blank-line blocks and their lines for text, innermost block elements for
 * HTML) is boilerplate when no expected body paragraph accounts for it; removal precision is the
 * share of removed input paragraphs that were boilerplate, removal recall the share of boilerplate
 * that was removed. An input paragraph counts as kept or expected when a body paragraph makes up at
 * least half of it (so a lead whose dateline was stripped still counts).
 */
class BoilerplateMetricsTest {

  /** Counts of one confusion matrix. */
  private static final class Counts {
    int tp;
    int fp;
    int fn;

    double precision() {
      return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
    }
  }

  @Test
  void cleanerKeepsTheStoryAndDropsTheChromeOfTheCorpus() {
    ArticleCleaner cleaner = new ArticleCleaner();
    List<Fixtures.Fixture> all = Fixtures.all().toList();
    List<Fixtures.Fixture> holdout = all.stream().filter(Fixtures.Fixture::isHoldout).toList();
    List<Fixtures.Fixture> tuning = all.stream().filter(f -> !f.isHoldout()).toList();
    Counts[] cleaned = measure(all, f -> cleaner.clean(f.raw()));
    print("cleaner  all     n=" + all.size(), cleaned);
    print("cleaner  tuning  n=" + tuning.size(), measure(tuning, f -> cleaner.clean(f.raw())));
    print("cleaner  holdout n=" + holdout.size(), measure(holdout, f -> cleaner.clean(f.raw())));
    print(
        "baseline all     n=" + all.size(),
        measure(all, f -> PlainText.clean(f.raw(), f.raw().fetchedAt())));
    assertTrue(cleaned[0].precision() >= 0.95, "body precision");
    assertTrue(cleaned[0].recall() >= 0.95, "body recall");
    assertTrue(cleaned[1].precision() >= 0.90, "removal precision");
    assertTrue(cleaned[1].recall() >= 0.90, "removal recall");
  }

  private static Counts[] measure(
      List<Fixtures.Fixture> fixtures, Function<Fixtures.Fixture, Article> clean) {
    Counts body = new Counts();
    Counts removal = new Counts();
    for (Fixtures.Fixture f : fixtures) {
      List<String> expected = f.body().stream().map(Texts::key).toList();
      List<String> actual = clean.apply(f).paragraphs().stream().map(Texts::key).toList();
      for (String a : actual) {
        if (expected.contains(a)) {
          body.tp++;
        } else {
          body.fp++;
        }
      }
      for (String e : expected) {
        if (!actual.contains(e)) {
          body.fn++;
        }
      }
      for (String unit : f.inputUnits()) {
        String u = Texts.key(unit);
        boolean boilerplate = !accounted(u, expected);
        boolean removed = !accounted(u, actual);
        if (removed && boilerplate) {
          removal.tp++;
        } else if (removed) {
          removal.fp++;
        } else if (boilerplate) {
          removal.fn++;
        }
      }
    }
    return new Counts[] {body, removal};
  }

  private static boolean accounted(String unit, List<String> paragraphs) {
    for (String p : paragraphs) {
      if (!p.isEmpty() && unit.contains(p) && p.length() * 2 >= unit.length()) {
        return true;
      }
    }
    return false;
  }

  private static void print(String label, Counts[] c) {
    System.out.println(
        String.format(
            Locale.ROOT,
            "[boilerplate] %s body P=%.3f R=%.3f (tp=%d fp=%d fn=%d) | removal P=%.3f R=%.3f"
                + " (tp=%d fp=%d fn=%d)",
            label,
            c[0].precision(),
            c[0].recall(),
            c[0].tp,
            c[0].fp,
            c[0].fn,
            c[1].precision(),
            c[1].recall(),
            c[1].tp,
            c[1].fp,
            c[1].fn));
  }
}

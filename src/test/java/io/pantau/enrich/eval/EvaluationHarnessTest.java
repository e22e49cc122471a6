package io.pantau.enrich.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.testsupport.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EvaluationHarnessTest {
  @Test
  void a_bounded_run_reports_every_figure_above_its_floor() {
    SharedData.require("data");
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    EvaluationHarness.Report r =
        new EvaluationHarness(new PrintStream(buffer, true, StandardCharsets.UTF_8))
            .run(SharedData.dir(), 150, 300);
    String printed = buffer.toString(StandardCharsets.UTF_8);
    System.out.println(printed);
    assertTrue(printed.contains("baseline") && printed.contains("ms CPU per"), printed);
    assertTrue(r.languageAccuracy() > 0.97, "language accuracy " + r.languageAccuracy());
    Scores cnbc = r.sentiment().get("cnbc-id-headlines-dev.jsonl");
    assertTrue(cnbc.macroF1() > 0.65, "CNBC macro-F1 " + cnbc.macroF1());
    Scores lexicon = r.lexicon().get("cnbc-id-headlines-dev.jsonl");
    assertTrue(
        lexicon.macroF1() >= r.baseline().get("cnbc-id-headlines-dev.jsonl").macroF1() - 0.03,
        "lexicon and rules below the plain word count");
    assertTrue(cnbc.macroF1() > lexicon.macroF1(), "the model does not beat the lexicon");
    assertTrue(r.entities().macroF1() > 0.4, "entity macro-F1 " + r.entities().macroF1());
    assertTrue(r.keyphrasePrecisionAt5() > 0.2, "keyphrase P@5 " + r.keyphrasePrecisionAt5());
    assertTrue(r.cpuMicrosPerArticle() > 0, "no throughput figure");
  }
}

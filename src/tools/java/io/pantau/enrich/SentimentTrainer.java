package io.pantau.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantau.enrich.eval.Held;
import io.pantau.testsupport.SharedData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trains the bundled sentiment model from the development sets whose licences allow shipping
 * derived weights (CNBC Indonesia headlines and NewsMTSC: MIT; SmSA: Apache-2.0), using only rows
 * that {@link Held} does not hold out. NusaX (CC BY-SA) is used for evaluation only.
 *
 * <p>Run from the repository root after {@code mvn test-compile}: {@code java -cp
 * target/classes:target/test-classes:$(cat cp.txt) io.pantau.enrich.SentimentTrainer ../shared
 * src/main/resources/io/pantau/enrich/sentiment/model.bin.gz}.
 */
final class SentimentTrainer {
  private static final int EPOCHS = 6;
  private static final double RATE = 0.4;
  private static final double L2 = 1e-5;

  private record Example(int[] features, double[] dense, int label) {}

  public static void main(String[] args) throws IOException {
    Path data =
        (args.length > 0 ? Path.of(args[0]) : SharedData.dir()).resolve("data/sentiment-dev");
    Path out =
        Path.of(
            args.length > 1
                ? args[1]
                : "src/main/resources/io/pantau/enrich/sentiment/model.bin.gz");
    List<Example> examples = new ArrayList<>();
    for (String file :
        List.of("cnbc-id-headlines-dev.jsonl", "newsmtsc-en-dev.jsonl", "smsa-id-dev.jsonl")) {
      int before = examples.size();
      read(data.resolve(file), examples);
      System.out.println(file + ": " + (examples.size() - before) + " training rows");
    }
    int classes = SentimentModel.CLASSES.length;
    int[] perClass = new int[classes];
    for (Example e : examples) {
      perClass[e.label()]++;
    }
    double[] classWeight = new double[classes];
    for (int c = 0; c < classes; c++) {
      classWeight[c] = examples.size() / (double) (classes * Math.max(1, perClass[c]));
    }
    float[][] w = new float[classes][SentimentFeatures.BUCKETS];
    float[][] g2 = new float[classes][SentimentFeatures.BUCKETS];
    float[] bias = new float[classes];
    float[][] dense = new float[classes][SentimentModel.DENSE];
    float[][] denseG2 = new float[classes][SentimentModel.DENSE];
    float[] biasG2 = new float[classes];
    Random random = new Random(20251127L);
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      java.util.Collections.shuffle(examples, random);
      double loss = 0;
      for (Example e : examples) {
        double norm = e.features().length == 0 ? 0 : 1 / Math.sqrt(e.features().length);
        double[] logits = new double[classes];
        for (int c = 0; c < classes; c++) {
          double s = bias[c];
          for (int d = 0; d < SentimentModel.DENSE; d++) {
            s += dense[c][d] * e.dense()[d];
          }
          for (int f : e.features()) {
            float v = w[c][f & (SentimentFeatures.BUCKETS - 1)];
            s += (f < 0 ? -v : v) * norm;
          }
          logits[c] = s;
        }
        double[] p = SentimentModel.softmax(logits);
        loss -= Math.log(Math.max(1e-12, p[e.label()])) * classWeight[e.label()];
        for (int c = 0; c < classes; c++) {
          double grad = (p[c] - (c == e.label() ? 1 : 0)) * classWeight[e.label()];
          biasG2[c] += (float) (grad * grad);
          bias[c] -= (float) (RATE * grad / Math.sqrt(biasG2[c] + 1e-8));
          for (int d = 0; d < SentimentModel.DENSE; d++) {
            double gd = grad * e.dense()[d];
            denseG2[c][d] += (float) (gd * gd);
            dense[c][d] -= (float) (RATE * gd / Math.sqrt(denseG2[c][d] + 1e-8));
          }
          for (int f : e.features()) {
            int k = f & (SentimentFeatures.BUCKETS - 1);
            double gf = grad * norm * (f < 0 ? -1 : 1) + L2 * w[c][k];
            g2[c][k] += (float) (gf * gf);
            w[c][k] -= (float) (RATE * gf / Math.sqrt(g2[c][k] + 1e-8));
          }
        }
      }
      System.out.printf("epoch %d loss %.4f%n", epoch + 1, loss / examples.size());
    }
    try (OutputStream o = Files.newOutputStream(out)) {
      SentimentModel.write(w, bias, dense, o);
    }
    System.out.println("wrote " + out + " (" + Files.size(out) + " bytes)");
  }

  private static void read(Path file, List<Example> examples) throws IOException {
    ObjectMapper json = new ObjectMapper();
    String lang = file.getFileName().toString().contains("-en-") ? "en" : "id";
    Language language = Enrichment.lexiconSentiment().languages().byCode(lang);
    LexiconSentiment lexicon = new LexiconSentiment();
    // NewsMTSC labels each target of a sentence; sentences whose targets disagree are skipped
    Map<String, String> labelByText = new HashMap<>();
    Map<String, Boolean> conflicting = new HashMap<>();
    List<String> order = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        JsonNode row = json.readTree(line);
        if (Held.out(row.path("id").asText())) {
          continue;
        }
        String text = row.path("text").asText();
        String label = row.path("label").asText();
        String seen = labelByText.putIfAbsent(text, label);
        if (seen == null) {
          order.add(text);
        } else if (!seen.equals(label)) {
          conflicting.put(text, true);
        }
      }
    }
    for (String text : order) {
      if (conflicting.containsKey(text)) {
        continue;
      }
      int label =
          switch (labelByText.get(text)) {
            case "negative" -> 0;
            case "neutral" -> 1;
            default -> 2;
          };
      AnalyzedText t = AnalyzedText.of(null, text);
      examples.add(
          new Example(
              SentimentFeatures.of(t), SentimentModel.dense(lexicon.evidence(t, language)), label));
    }
  }
}

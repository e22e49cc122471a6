package io.pantau.clean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs trafilatura (Python) on the pages of the harness, in a throwaway virtual environment under
 * {@code target/extraction-venv} that only the harness uses. The environment is made with {@code
 * --system-site-packages}, so Debian's Python packages count; pip is tried only when asked ({@code
 * -Dextraction.trafilatura.install=true}), since the package index it needs may be out of reach.
 * When trafilatura cannot be imported the outcome says why and holds no texts.
 */
final class Trafilatura {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path VENV = Path.of("target", "extraction-venv");

  /** Texts by page id, thread CPU per page, and a note: the version, or why it did not run. */
  record Outcome(Map<String, String> texts, Map<String, Long> cpuNanos, String reason) {}

  /** Each page's bytes to trafilatura.extract with its defaults; one JSON line per page. */
  private static final String SCRIPT =
      String.join(
          "\n",
          "import gzip, json, sys, time",
          "import trafilatura",
          "data = sys.argv[1]",
          "for line in open(data + '/cases.jsonl', encoding='utf-8'):",
          "    if not line.strip():",
          "        continue",
          "    case = json.loads(line)",
          "    with gzip.open(data + '/' + case['file'], 'rb') as f:",
          "        page = f.read()",
          "    start = time.thread_time_ns()",
          "    text = trafilatura.extract(page) or ''",
          "    spent = time.thread_time_ns() - start",
          "    print(json.dumps({'id': case['id'], 'text': text, 'cpu': spent}))",
          "");

  private Trafilatura() {}

  static Outcome run(Path data, List<ExtractionHarness.Case> cases) {
    try {
      Path python = VENV.resolve("bin").resolve("python");
      if (!Files.isExecutable(python)) {
        Result made =
            exec(List.of("python3", "-m", "venv", "--system-site-packages", VENV.toString()), 120);
        if (made.code() != 0) {
          return none("no Python virtual environment (python3 -m venv: " + made.last() + ")");
        }
      }
      Result version =
          exec(
              List.of(
                  python.toString(), "-c", "import trafilatura; print(trafilatura.__version__)"),
              60);
      if (version.code() != 0 && Boolean.getBoolean("extraction.trafilatura.install")) {
        exec(
            List.of(
                VENV.resolve("bin").resolve("pip").toString(),
                "install",
                "--no-input",
                "--retries",
                "0",
                "--timeout",
                "15",
                "trafilatura"),
            600);
        version =
            exec(
                List.of(
                    python.toString(), "-c", "import trafilatura; print(trafilatura.__version__)"),
                60);
      }
      if (version.code() != 0) {
        return none(
            "trafilatura cannot be imported in "
                + VENV
                + " ("
                + version.last()
                + "). Debian packages neither python3-trafilatura nor its dependencies"
                + " (justext, htmldate, courlan), and the Python package index is not reachable"
                + " from this machine; where it is, run with -Dextraction.trafilatura.install=true");
      }
      Path script = VENV.resolve("extract.py");
      Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
      Result ran =
          exec(
              List.of(python.toString(), script.toString(), data.toAbsolutePath().toString()),
              3600);
      if (ran.code() != 0) {
        return none("trafilatura run failed: " + ran.last());
      }
      Map<String, String> texts = new LinkedHashMap<>();
      Map<String, Long> cpu = new LinkedHashMap<>();
      for (String line : ran.stdout()) {
        if (line.startsWith("{")) {
          JsonNode n = JSON.readTree(line);
          texts.put(n.get("id").asText(), n.get("text").asText());
          cpu.put(n.get("id").asText(), n.get("cpu").asLong());
        }
      }
      return new Outcome(texts, cpu, version.stdout().isEmpty() ? "" : version.stdout().get(0));
    } catch (IOException e) {
      return none("could not run Python: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return none("interrupted");
    }
  }

  private static Outcome none(String why) {
    return new Outcome(Map.of(), Map.of(), why);
  }

  private record Result(int code, List<String> stdout, List<String> stderr) {
    /** The last line of stderr (the error Python or pip ended with), else of stdout. */
    String last() {
      List<String> from = stderr.isEmpty() ? stdout : stderr;
      return from.isEmpty() ? "exit " + code : from.get(from.size() - 1).strip();
    }
  }

  private static Result exec(List<String> command, int timeoutSeconds)
      throws IOException, InterruptedException {
    Path err = Files.createTempFile("extraction-harness", ".err");
    Path out = Files.createTempFile("extraction-harness", ".out");
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, List.of(), List.of("timed out after " + timeoutSeconds + " s"));
      }
      return new Result(
          p.exitValue(),
          new ArrayList<>(Files.readAllLines(out, StandardCharsets.UTF_8)),
          new ArrayList<>(Files.readAllLines(err, StandardCharsets.UTF_8)));
    } finally {
      Files.deleteIfExists(err);
      Files.deleteIfExists(out);
    }
  }
}

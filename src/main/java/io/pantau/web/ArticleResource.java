package io.pantau.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantau.article.Article;
import io.pantau.article.RawArticle;
import io.pantau.article.SentimentLabel;
import io.pantau.index.ArticleIndex;
import io.pantau.index.ArticleSearch;
import io.pantau.index.SearchPage;
import io.pantau.ingest.ArticleFileException;
import io.pantau.ingest.ArticleFiles;
import io.pantau.ingest.IngestBusyException;
import io.pantau.ingest.IngestService;
import io.pantau.ingest.ItemResult;
import io.pantau.query.QueryException;
import io.pantau.security.RequiresRole;
import io.pantau.security.Role;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Submitting, reading and searching articles. */
@Path("/api")
@Blocking
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
public class ArticleResource {
  static final String NDJSON = "application/x-ndjson";

  private final IngestService ingest;
  private final ArticleIndex index;
  private final ObjectMapper json;

  ArticleResource(IngestService ingest, ArticleIndex index, ObjectMapper json) {
    this.ingest = ingest;
    this.index = index;
    this.json = json;
  }

  @POST
  @Path("/articles")
  @Consumes(MediaType.APPLICATION_JSON)
  @RequiresRole(Role.editor)
  @Operation(summary = "Submit one article (a JSON object) or several (an array)")
  public Response postJson(InputStream body, @QueryParam("refresh") String refresh)
      throws IOException {
    JsonNode node = readJson(body);
    List<JsonNode> nodes = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(nodes::add);
      if (nodes.isEmpty()) {
        throw new BadRequest("The array holds no articles.");
      }
    } else {
      nodes.add(node);
    }
    List<RawArticle> raws = new ArrayList<>();
    List<Problem.ItemError> errors = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      RawArticleJson.Parsed p = RawArticleJson.parse(nodes.get(i));
      if (p.article() == null) {
        for (String m : p.problems()) {
          errors.add(new Problem.ItemError(null, node.isArray() ? i : null, null, m));
        }
      } else {
        raws.add(p.article());
        positions.add(i);
      }
    }
    if (!node.isArray() && !errors.isEmpty()) {
      throw new BadRequest(400, "The article is not valid: " + errors.get(0).message(), errors);
    }
    return answer(raws, positions, nodes.size(), errors, refresh, node.isArray());
  }

  @POST
  @Path("/articles")
  @Consumes({MediaType.TEXT_PLAIN, MediaType.TEXT_HTML})
  @RequiresRole(Role.editor)
  @Operation(
      summary = "Submit one raw document as scraped (text/plain) or a whole page (text/html)",
      description =
          "A document whose first line is '---' opens with a front-matter block, as the files"
              + " under seeds/raw do: 'key: value' lines (source, url, fetchedAt, published,"
              + " title, lang) up to the next '---' line. The query parameters win over it.")
  public Response postRaw(
      InputStream body,
      @jakarta.ws.rs.HeaderParam("Content-Type") String contentType,
      @QueryParam("url") String url,
      @QueryParam("source") String source,
      @QueryParam("fetchedAt") String fetchedAt,
      @QueryParam("refresh") String refresh)
      throws IOException {
    RawArticle raw = rawDocument(body, contentType, url, source, fetchedAt);
    return answer(List.of(raw), List.of(0), 1, List.of(), refresh, false);
  }

  @POST
  @Path("/articles/_bulk")
  @Consumes(NDJSON)
  @RequiresRole(Role.editor)
  @Operation(
      summary = "Submit many articles as NDJSON, one JSON object a line, streamed",
      description =
          "Accepted articles are journaled before the answer. When the backlog fills up part"
              + " way, the lines from there on are rejected one by one with an error saying to"
              + " retry them (and a Retry-After header); when nothing could be accepted the"
              + " answer is 429.")
  public Response bulk(InputStream body, @QueryParam("refresh") String refresh) throws IOException {
    List<IngestAnswer.Item> items = new ArrayList<>();
    List<CompletableFuture<ItemResult>> pending = new ArrayList<>();
    List<Integer> pendingLines = new ArrayList<>();
    List<Integer> pendingSlots = new ArrayList<>();
    BulkChunk chunk = new BulkChunk();
    boolean wantRefresh = Params.refresh(refresh);
    int lineNo = 0;
    IngestBusyException busy = null;
    try (InputStreamReader reader = new InputStreamReader(body, StandardCharsets.UTF_8)) {
      BoundedLineReader in = new BoundedLineReader(reader, Params.MAX_REQUEST_BYTES);
      for (String line; (line = in.next()) != null; ) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        RawArticleJson.Parsed p;
        if (line == BoundedLineReader.TOO_LONG) {
          p =
              new RawArticleJson.Parsed(
                  null,
                  List.of("the line is longer than " + Params.MAX_REQUEST_BYTES + " characters"));
        } else {
          try {
            p = RawArticleJson.parse(json.readTree(line));
          } catch (JsonProcessingException e) {
            p = new RawArticleJson.Parsed(null, List.of("not valid JSON"));
          }
        }
        if (p.article() == null) {
          items.add(
              new IngestAnswer.Item(null, "rejected", String.join("; ", p.problems()), lineNo));
          continue;
        }
        if (busy != null) {
          items.add(new IngestAnswer.Item(null, "rejected", notAccepted(busy), lineNo));
          continue;
        }
        chunk.add(p.article(), lineNo, items.size());
        items.add(null);
        if (chunk.raws.size() >= ingest.batchSize()) {
          busy = submitChunk(chunk, wantRefresh, items, pending, pendingLines, pendingSlots);
          chunk = new BulkChunk();
        }
      }
    }
    if (busy == null && !chunk.raws.isEmpty()) {
      busy = submitChunk(chunk, wantRefresh, items, pending, pendingLines, pendingSlots);
    }
    if (busy != null && pending.isEmpty()) {
      throw busy;
    }
    List<ItemResult> results = IngestService.await(pending, ingest.syncWait());
    for (int k = 0; k < results.size(); k++) {
      items.set(pendingSlots.get(k), IngestAnswer.Item.of(results.get(k), pendingLines.get(k)));
    }
    int rejected = (int) items.stream().filter(i -> "rejected".equals(i.status())).count();
    IngestAnswer answer = new IngestAnswer(items.size() - rejected, rejected, items);
    Response.ResponseBuilder r = Response.status(answer.httpStatus()).entity(answer);
    if (busy != null) {
      r.header("Retry-After", Long.toString(Math.max(1, busy.retryAfter().toSeconds())));
    }
    return r.build();
  }

  /** Valid lines of a bulk request waiting to be submitted together. */
  private static final class BulkChunk {
    final List<RawArticle> raws = new ArrayList<>();
    final List<Integer> lines = new ArrayList<>();
    final List<Integer> slots = new ArrayList<>();

    void add(RawArticle raw, int line, int slot) {
      raws.add(raw);
      lines.add(line);
      slots.add(slot);
    }
  }

  /**
   * Submits a chunk; all of it or none is accepted. When the backlog is full, its lines are
   * rejected with a retry error and the refusal is returned, so the rest of the request is too.
   */
  private IngestBusyException submitChunk(
      BulkChunk chunk,
      boolean refresh,
      List<IngestAnswer.Item> items,
      List<CompletableFuture<ItemResult>> pending,
      List<Integer> pendingLines,
      List<Integer> pendingSlots) {
    try {
      pending.addAll(ingest.submit(chunk.raws, refresh, ingest.syncWait()));
      pendingLines.addAll(chunk.lines);
      pendingSlots.addAll(chunk.slots);
      return null;
    } catch (IngestBusyException e) {
      for (int k = 0; k < chunk.raws.size(); k++) {
        items.set(
            chunk.slots.get(k),
            new IngestAnswer.Item(null, "rejected", notAccepted(e), chunk.lines.get(k)));
      }
      return e;
    }
  }

  private static String notAccepted(IngestBusyException e) {
    return "not accepted, retry this line later: " + e.getMessage();
  }

  @GET
  @Path("/articles/{id}")
  @RequiresRole(Role.viewer)
  @Operation(summary = "Read one stored, enriched article")
  public Article get(@PathParam("id") String id) {
    if (id == null || id.length() > 64) {
      throw new BadRequest("The id is not valid.");
    }
    return index
        .get(id)
        .orElseThrow(() -> new BadRequest(404, "No article with id " + id + ".", List.of()));
  }

  @GET
  @Path("/articles")
  @RequiresRole(Role.viewer)
  @Operation(summary = "Search stored articles, newest first")
  public SearchPage search(
      @QueryParam("q") String q,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("source") List<String> source,
      @QueryParam("lang") List<String> lang,
      @QueryParam("sentiment") String sentiment,
      @QueryParam("page") @DefaultValue("0") String page,
      @QueryParam("size") @DefaultValue("20") String size) {
    Optional<SentimentLabel> label = Params.sentiment(sentiment);
    try {
      return index.search(
          new ArticleSearch(
              Params.query(q == null ? "" : q),
              Params.instant("from", from),
              Params.instant("to", to),
              Params.list(source),
              Params.list(lang),
              label,
              Params.integer("page", page),
              Params.integer("size", size)));
    } catch (QueryException e) {
      // Params.query answers the parser's errors; one raised past it still names q.
      throw new BadRequest("q: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new BadRequest(e.getMessage() + ".");
    }
  }

  @POST
  @Path("/enrich")
  @Consumes(MediaType.APPLICATION_JSON)
  @RequiresRole(Role.viewer)
  @Operation(summary = "Clean and enrich one article without storing it")
  public Article enrichJson(InputStream body) throws IOException {
    JsonNode node = readJson(body);
    RawArticleJson.Parsed p = RawArticleJson.parse(node);
    if (p.article() == null) {
      throw new BadRequest("The article is not valid: " + String.join("; ", p.problems()));
    }
    return preview(p.article());
  }

  @POST
  @Path("/enrich")
  @Consumes({MediaType.TEXT_PLAIN, MediaType.TEXT_HTML})
  @RequiresRole(Role.viewer)
  @Operation(summary = "Clean and enrich one raw document without storing it")
  public Article enrichRaw(
      InputStream body,
      @jakarta.ws.rs.HeaderParam("Content-Type") String contentType,
      @QueryParam("url") String url,
      @QueryParam("source") String source,
      @QueryParam("fetchedAt") String fetchedAt)
      throws IOException {
    return preview(rawDocument(body, contentType, url, source, fetchedAt));
  }

  /**
   * One raw document as posted: a whole page for text/html, scraped text otherwise. A document
   * whose first line is {@code ---} opens with the front-matter block of the files under {@code
   * seeds/raw} (source, url, fetchedAt, published, title, lang), read as those files are, so that
   * one can be posted as it is; a query parameter, when given, wins over the block's value.
   */
  private static RawArticle rawDocument(
      InputStream body, String contentType, String url, String source, String fetchedAt)
      throws IOException {
    String text = new String(Params.readBounded(body), StandardCharsets.UTF_8);
    Instant fetched = Params.instant("fetchedAt", fetchedAt).orElse(null);
    boolean html =
        contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/html");
    if (!opensWithFrontMatter(text)) {
      return html
          ? RawArticle.ofHtml(text, url, source, fetched)
          : RawArticle.ofText(text, url, source, fetched);
    }
    RawArticle seed;
    try {
      // The name only tells the parser text from page and names the body in its errors.
      seed = ArticleFiles.parse(html ? "body.html" : "body.txt", text);
    } catch (ArticleFileException e) {
      throw new BadRequest(
          "The front matter opening the document is not valid: "
              + e.getMessage()
              + " (lines 'key: value' between two '---' lines; keys: source, url, fetchedAt,"
              + " published, title, lang).");
    }
    return new RawArticle(
        url != null ? url : seed.url(),
        seed.title(),
        seed.body(),
        seed.html(),
        source != null ? source : seed.source(),
        seed.published(),
        seed.lang(),
        fetched != null ? fetched : seed.fetchedAt());
  }

  /** True when the first line, past a byte-order mark, is exactly the {@code ---} fence. */
  private static boolean opensWithFrontMatter(String text) {
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    int eol = t.indexOf('\n');
    String first = eol < 0 ? t : t.substring(0, eol);
    return first.strip().equals("---");
  }

  private Article preview(RawArticle raw) {
    try {
      return ingest.preview(raw);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("The article is not valid: " + e.getMessage());
    }
  }

  private Response answer(
      List<RawArticle> raws,
      List<Integer> positions,
      int total,
      List<Problem.ItemError> parseErrors,
      String refresh,
      boolean array) {
    List<ItemResult> results =
        IngestService.await(ingest.submit(raws, Params.refresh(refresh)), ingest.syncWait());
    IngestAnswer.Item[] items = new IngestAnswer.Item[total];
    for (Problem.ItemError e : parseErrors) {
      items[e.index()] =
          items[e.index()] == null
              ? new IngestAnswer.Item(null, "rejected", e.message(), null)
              : new IngestAnswer.Item(
                  null, "rejected", items[e.index()].error() + "; " + e.message(), null);
    }
    List<Problem.ItemError> rejected = new ArrayList<>(parseErrors);
    for (int k = 0; k < results.size(); k++) {
      ItemResult r = results.get(k);
      items[positions.get(k)] = IngestAnswer.Item.of(r, null);
      if (r.isRejected()) {
        rejected.add(new Problem.ItemError(null, array ? positions.get(k) : null, null, r.error()));
      }
    }
    List<IngestAnswer.Item> list = Arrays.asList(items);
    if (list.stream().allMatch(i -> "rejected".equals(i.status()))) {
      String first = rejected.isEmpty() ? "nothing to store" : rejected.get(0).message();
      throw new BadRequest(
          400,
          (array ? "No article in the array could be accepted: " : "The article was not accepted: ")
              + first,
          rejected);
    }
    IngestAnswer answer = new IngestAnswer(null, null, list);
    return Response.status(answer.httpStatus()).entity(answer).build();
  }

  private JsonNode readJson(InputStream body) throws IOException {
    byte[] bytes = Params.readBounded(body);
    if (bytes.length == 0) {
      throw new BadRequest("The body is empty.");
    }
    return json.readTree(bytes);
  }
}

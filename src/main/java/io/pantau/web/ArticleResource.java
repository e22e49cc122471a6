package io.pantau.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantau.article.Article;
import io.pantau.article.RawArticle;
import io.pantau.index.ArticleIndex;
import io.pantau.ingest.ArticleFileException;
import io.pantau.ingest.ArticleFiles;
import io.pantau.ingest.IngestService;
import io.pantau.ingest.ItemResult;
import io.pantau.security.RequiresRole;
import io.pantau.security.Role;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Submitting articles one at a time or as a JSON array, reading one back, and enriching one without
 * storing it. NDJSON streams go to {@code BulkResource}, searches to {@code SearchResource}.
 */
@Path("/api")
@Blocking
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
public class ArticleResource {
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

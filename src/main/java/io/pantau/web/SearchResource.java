package io.pantau.web;

import io.pantau.article.SentimentLabel;
import io.pantau.index.ArticleIndex;
import io.pantau.index.ArticleSearch;
import io.pantau.index.SearchPage;
import io.pantau.query.QueryException;
import io.pantau.security.RequiresRole;
import io.pantau.security.Role;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Searching stored articles: one page of hits, newest first. */
@Path("/api")
@Blocking
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
public class SearchResource {
  private final ArticleIndex index;

  SearchResource(ArticleIndex index) {
    this.index = index;
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
}

package io.pantau.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.pantau.index.IndexUnavailableException;
import io.pantau.index.SearchRefusedException;
import io.pantau.ingest.IngestBusyException;
import io.pantau.security.AccessDeniedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become HTTP answers. Clients get a problem body that says what to
 * fix; never a stack trace or a class name.
 */
public class ProblemMapper {
  private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

  @ServerExceptionMapper
  Response badRequest(BadRequest e) {
    return respond(new Problem("about:blank", title(e.status), e.status, e.getMessage(), e.errors));
  }

  @ServerExceptionMapper
  Response denied(AccessDeniedException e) {
    Response.ResponseBuilder r =
        Response.status(e.status())
            .type(Problem.MEDIA_TYPE)
            .entity(Problem.of(e.status(), title(e.status()), e.getMessage()));
    if (e.status() == 401) {
      r.header("WWW-Authenticate", "ApiKey header=\"X-API-Key\"");
    }
    // Whole seconds, rounded up: a client that waits as told is not refused again.
    e.retryAfter()
        .ifPresent(
            d -> r.header("Retry-After", Long.toString(Math.max(1, (d.toMillis() + 999) / 1000))));
    return r.build();
  }

  @ServerExceptionMapper
  Response busy(IngestBusyException e) {
    return Response.status(429)
        .type(Problem.MEDIA_TYPE)
        .header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())))
        .entity(Problem.of(429, "Too Many Requests", e.getMessage()))
        .build();
  }

  @ServerExceptionMapper
  Response refused(SearchRefusedException e) {
    return respond(Problem.of(400, "Bad Request", e.getMessage()));
  }

  @ServerExceptionMapper
  Response unavailable(IndexUnavailableException e) {
    LOG.warn(e.getMessage());
    return Response.status(503)
        .type(Problem.MEDIA_TYPE)
        .header("Retry-After", "10")
        .entity(
            Problem.of(
                503, "Service Unavailable", "The search index is not available; retry shortly."))
        .build();
  }

  /**
   * Valid JSON of the wrong shape for the endpoint's body record; this overrides Quarkus's own
   * mapper, whose answer is not a problem body.
   */
  @ServerExceptionMapper
  Response mismatched(MismatchedInputException e) {
    String field =
        e.getPath().stream()
            .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining("."));
    String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
    String detail =
        field.isEmpty()
            ? "The body must be " + expected + "."
            : field + " must be " + expected + ".";
    return respond(
        new Problem(
            "about:blank",
            "Bad Request",
            400,
            detail,
            field.isEmpty()
                ? List.of()
                : List.of(new Problem.ItemError(field, null, null, detail))));
  }

  /** A body past Jackson's limits on nesting depth, number length or string length. */
  @ServerExceptionMapper
  Response tooLarge(StreamConstraintsException e) {
    return respond(
        Problem.of(
            400,
            "Bad Request",
            "The JSON body breaks a size limit (nesting depth, number or string length)."));
  }

  private static String describe(Class<?> type) {
    if (type == String.class) {
      return "a string";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (List.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    return "a JSON object";
  }

  @ServerExceptionMapper
  Response json(JsonProcessingException e) {
    String where =
        e.getLocation() == null
            ? ""
            : " at line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr();
    return respond(Problem.of(400, "Bad Request", "The body is not valid JSON" + where + "."));
  }

  @ServerExceptionMapper
  Response web(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    String detail =
        switch (status) {
          case 404 -> "No such resource.";
          case 405 -> "This method is not allowed here.";
          case 406 -> "No acceptable representation.";
          case 415 -> "This media type is not supported here.";
          default -> status >= 500 ? "The server could not answer." : e.getMessage();
        };
    if (status >= 500) {
      LOG.error("Request failed", e);
    }
    return respond(Problem.of(status, title(status), detail));
  }

  @ServerExceptionMapper
  Response unexpected(Exception e) {
    LOG.error("Unexpected failure", e);
    return respond(
        Problem.of(
            500, "Internal Server Error", "The server could not answer; the error is logged."));
  }

  static Response respond(Problem p) {
    return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
  }

  static String title(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 406 -> "Not Acceptable";
      case 409 -> "Conflict";
      case 413 -> "Content Too Large";
      case 415 -> "Unsupported Media Type";
      case 422 -> "Unprocessable Content";
      case 429 -> "Too Many Requests";
      case 503 -> "Service Unavailable";
      default -> status >= 500 ? "Internal Server Error" : "Error";
    };
  }
}

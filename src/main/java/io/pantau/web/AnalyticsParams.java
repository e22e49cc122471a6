package io.pantau.web;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters every analytics endpoint takes. */
public class AnalyticsParams {
  @QueryParam("q")
  @Parameter(
      description =
          "Pantau query language; empty means every article. /volume takes several, one series"
              + " each.",
      example = "banjir OR \"tanah longsor\"")
  List<String> q;

  @QueryParam("from")
  @Parameter(
      description =
          "Inclusive start: an ISO instant, or a date meaning its start in tz. Default: 90 days"
              + " before to.",
      example = "2025-06-01")
  String from;

  @QueryParam("to")
  @Parameter(
      description =
          "Exclusive end: an ISO instant, or a date meaning its start in tz. Default: now.",
      example = "2025-10-01")
  String to;

  @QueryParam("source")
  @Parameter(
      description = "Only these sources (repeat or comma-separate; case-insensitive).",
      example = "kompas.example")
  List<String> source;

  @QueryParam("lang")
  @Parameter(description = "Only these languages (repeat or comma-separate).", example = "id")
  List<String> lang;

  @QueryParam("tz")
  @Parameter(
      description = "IANA time zone in which buckets and dates start. Default: UTC.",
      example = "Asia/Jakarta")
  String tz;
}

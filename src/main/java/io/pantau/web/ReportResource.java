package io.pantau.web;

import io.pantau.reports.InvalidScheduleException;
import io.pantau.reports.ReportFormat;
import io.pantau.reports.ReportSpec;
import io.pantau.reports.Reports;
import io.pantau.reports.ScheduleRun;
import io.pantau.reports.ScheduleView;
import io.pantau.reports.Schedules;
import io.pantau.security.RequiresRole;
import io.pantau.security.Role;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Coverage reports as files, and the saved schedules that mail them. */
@Path("/api/reports")
@Blocking
@Tag(name = "Reports")
public class ReportResource {
  private final Reports reports;
  private final Schedules schedules;

  ReportResource(Reports reports, Schedules schedules) {
    this.reports = reports;
    this.schedules = schedules;
  }

  @GET
  @Path("/coverage.{format: csv|xlsx|pdf}")
  @Produces({
    "text/csv",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/pdf",
    MediaType.APPLICATION_JSON
  })
  @RequiresRole(Role.viewer)
  @Operation(
      summary = "Every matching article as CSV or XLSX, or a PDF report with charts",
      description =
          "Takes the analytics filters (q once, from, to, source, lang, tz). The file records its"
              + " query, filters, period, snapshot time and dedup policy. Rows are streamed oldest"
              + " first from one point in time of the index; no article text is included.")
  public Response coverage(@BeanParam AnalyticsParams p, @PathParam("format") String format) {
    ReportFormat f = ReportFormat.valueOf(format.toLowerCase(Locale.ROOT));
    String text = p.q == null || p.q.isEmpty() ? "" : p.q.get(0);
    Reports.Export export =
        Answers.answer(
            () -> reports.prepare(ReportSpec.of(text, Params.filter(p, true), Instant.now()), f));
    StreamingOutput body = export::writeTo;
    return Response.ok(body, export.mediaType())
        .header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"")
        .build();
  }

  @POST
  @Path("/schedules")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RequiresRole(Role.editor)
  @Operation(summary = "Save a report definition that is mailed on its cron")
  public Response create(ScheduleRequest request) {
    ScheduleView created = valid(() -> schedules.create(require(request).toDraft()));
    return Response.status(201).entity(created).build();
  }

  @GET
  @Path("/schedules")
  @Produces(MediaType.APPLICATION_JSON)
  @RequiresRole(Role.editor)
  @Operation(summary = "List saved report definitions")
  public List<ScheduleView> list() {
    return schedules.list();
  }

  @GET
  @Path("/schedules/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @RequiresRole(Role.editor)
  @Operation(summary = "Read one saved report definition")
  public ScheduleView get(@PathParam("id") long id) {
    return schedules.get(id).orElseThrow(() -> notFound(id));
  }

  @PUT
  @Path("/schedules/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RequiresRole(Role.editor)
  @Operation(summary = "Replace a saved report definition")
  public ScheduleView update(@PathParam("id") long id, ScheduleRequest request) {
    return valid(() -> schedules.update(id, require(request).toDraft()))
        .orElseThrow(() -> notFound(id));
  }

  @DELETE
  @Path("/schedules/{id}")
  @RequiresRole(Role.editor)
  @Operation(summary = "Delete a saved report definition")
  public Response delete(@PathParam("id") long id) {
    if (!schedules.delete(id)) {
      throw notFound(id);
    }
    return Response.noContent().build();
  }

  @POST
  @Path("/schedules/{id}/run")
  @Produces(MediaType.APPLICATION_JSON)
  @RequiresRole(Role.editor)
  @Operation(summary = "Make the report now over its period ending now, and mail it")
  public ScheduleRun run(@PathParam("id") long id) {
    return Answers.answer(() -> schedules.run(id)).orElseThrow(() -> notFound(id));
  }

  private static ScheduleRequest require(ScheduleRequest request) {
    if (request == null) {
      throw new BadRequest("The body must be a report schedule.");
    }
    return request;
  }

  private static <T> T valid(Supplier<T> call) {
    try {
      return call.get();
    } catch (InvalidScheduleException e) {
      throw new BadRequest(
          400,
          e.getMessage(),
          List.of(new Problem.ItemError(e.field(), null, null, e.getMessage())));
    }
  }

  private static BadRequest notFound(long id) {
    return new BadRequest(404, "No report schedule with id " + id + ".", List.of());
  }
}

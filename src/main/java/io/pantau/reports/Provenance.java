package io.pantau.reports;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** What every report file records about how it was made, as ordered name and value pairs. */
final class Provenance {
  static final String DEDUP_POLICY =
      "Every stored article is one row, copies of a story included; 'copies' is the number of"
          + " stored articles of the row's story (near-duplicates share a storyId).";
  static final String RIGHTS_POLICY =
      "Metadata only: no body, lead or caption text is included; articles whose rights forbid"
          + " automated use were stored as the storage policy allowed.";
  static final String ORDER = "Rows sorted by published (oldest first), then by id.";

  /** One recorded fact. */
  record Entry(String name, String value) {}

  private Provenance() {}

  static List<Entry> of(ReportSpec spec, ReportFormat format, long matching) {
    List<Entry> out = new ArrayList<>();
    out.add(new Entry("Report", "Pantau coverage report (" + format + ")"));
    out.add(new Entry("Query", spec.queryText().isEmpty() ? "(all articles)" : spec.queryText()));
    out.add(new Entry("Sources", list(spec.sources())));
    out.add(new Entry("Languages", list(spec.langs())));
    out.add(new Entry("Time zone", spec.tz().getId()));
    out.add(new Entry("Period from", spec.from().toString()));
    out.add(new Entry("Period to", spec.to().toString() + " (exclusive)"));
    out.add(new Entry("Snapshot", spec.snapshot().toString()));
    out.add(new Entry("Matching articles", Long.toString(matching)));
    out.add(new Entry("Order", ORDER));
    out.add(new Entry("Dedup policy", DEDUP_POLICY));
    out.add(new Entry("Rights policy", RIGHTS_POLICY));
    return out;
  }

  /** The period as a reader sees it, in the report's zone. */
  static String period(ReportSpec spec) {
    DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(spec.tz());
    return f.format(spec.from()) + " to " + f.format(spec.to()) + " (" + spec.tz().getId() + ")";
  }

  private static String list(List<String> values) {
    return values.isEmpty() ? "(all)" : String.join(", ", values);
  }
}

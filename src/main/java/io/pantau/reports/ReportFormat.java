package io.pantau.reports;

/** The file formats of a coverage report. */
public enum ReportFormat {
  csv("text/csv; charset=UTF-8"),
  xlsx("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
  pdf("application/pdf");

  /** The media type the file is served and mailed as. */
  public final String mediaType;

  ReportFormat(String mediaType) {
    this.mediaType = mediaType;
  }

  /** The file name of a report with this stem, e.g. {@code coverage.csv}. */
  public String fileName(String stem) {
    return stem + "." + name();
  }
}

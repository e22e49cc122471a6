package io.pantau.article;

/** How sure Pantau is of an article's publication time. */
public enum DatePrecision {
  /** A full timestamp was given by the source. */
  exact,
  /** The day is known, the time of day is not. */
  day,
  /** Only the month is known. */
  month,
  /** Derived from a relative phrase ("3 months ago") or from the fetch time. */
  estimated
}

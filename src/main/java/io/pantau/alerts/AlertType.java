package io.pantau.alerts;

/** What makes an alert fire. */
public enum AlertType {
  /** Each new article the query matches (matched in real time). */
  match,
  /** The number of matching articles in the last window is far above the windows before it. */
  volume_spike,
  /** The average sentiment of matching articles in the last window moved far from before. */
  sentiment_shift
}

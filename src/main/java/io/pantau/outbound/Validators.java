package io.pantau.outbound;

/**
 * What a server said about the version it sent, to ask for a newer one only (conditional GET).
 *
 * @param etag the ETag header, sent back as If-None-Match
 * @param lastModified the Last-Modified header, sent back as If-Modified-Since
 */
public record Validators(String etag, String lastModified) {
  public static final Validators NONE = new Validators(null, null);

  boolean isEmpty() {
    return isBlank(etag) && isBlank(lastModified);
  }

  static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}

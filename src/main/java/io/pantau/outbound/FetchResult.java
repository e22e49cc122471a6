package io.pantau.outbound;

import io.pantau.text.PageDecoder;
import java.net.URI;
import java.util.Locale;

/**
 * A successful fetch: either a body, or word that it has not changed since the validators sent.
 *
 * @param uri where the answer came from, after redirects
 * @param status 200, or 304 when the conditional GET found nothing new
 * @param contentType the Content-Type header, if any
 * @param body the decompressed bytes (empty for 304)
 * @param validators the new ETag and Last-Modified, for the next conditional GET
 */
public record FetchResult(
    URI uri, int status, String contentType, byte[] body, Validators validators) {

  public boolean notModified() {
    return status == 304;
  }

  /** The body decoded with the charset of the Content-Type, or of the page itself. */
  public String text() {
    return PageDecoder.decode(body, contentType);
  }

  /** The media type without parameters, lower case; empty when the server sent none. */
  public String mediaType() {
    if (contentType == null) {
      return "";
    }
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi))
        .trim()
        .toLowerCase(Locale.ROOT);
  }
}

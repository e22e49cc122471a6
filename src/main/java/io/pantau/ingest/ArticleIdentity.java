package io.pantau.ingest;

import io.pantau.article.Article;
import io.pantau.text.Fold;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Stable article identity: a hash of the canonical URL when there is one, else of the normalised
 * title and body, so the same article posted twice gets the same id.
 */
public final class ArticleIdentity {
  private static final Set<String> TRACKING =
      Set.of("fbclid", "gclid", "mc_cid", "mc_eid", "ref", "ref_src", "cmpid", "ocid", "spm");

  private ArticleIdentity() {}

  /** The id of a cleaned article: 16 hex characters. */
  public static String idOf(Article a) {
    Optional<String> canonical =
        Optional.ofNullable(a.canonicalUrl()).or(() -> canonicalUrl(a.url()));
    if (canonical.isPresent()) {
      return shortHash("url:" + canonical.get());
    }
    String content =
        (Fold.fold(nullToEmpty(a.title())) + "\n" + Fold.fold(nullToEmpty(a.body())))
            .replaceAll("\\s+", " ")
            .trim();
    return shortHash("text:" + content);
  }

  /**
   * The URL in a canonical form: lower-case scheme and host, no default port, no fragment, no
   * tracking parameters, no trailing slash. Empty when the URL is not an absolute http(s) URL.
   */
  public static Optional<String> canonicalUrl(String url) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    try {
      URI u = new URI(url.trim());
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
        return Optional.empty();
      }
      String host = u.getHost().toLowerCase(Locale.ROOT);
      if (host.startsWith("www.")) {
        host = host.substring(4);
      }
      int port = u.getPort();
      boolean defaultPort =
          port == -1
              || (scheme.equals("http") && port == 80)
              || (scheme.equals("https") && port == 443);
      String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
      if (path.length() > 1 && path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      StringBuilder out = new StringBuilder("https://").append(host);
      if (!defaultPort) {
        out.append(':').append(port);
      }
      out.append(path);
      String query = cleanQuery(u.getRawQuery());
      if (!query.isEmpty()) {
        out.append('?').append(query);
      }
      return Optional.of(out.toString());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static String cleanQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String> kept = new ArrayList<>();
    for (String part : rawQuery.split("&")) {
      String name = part.split("=", 2)[0].toLowerCase(Locale.ROOT);
      if (!name.isEmpty() && !name.startsWith("utm_") && !TRACKING.contains(name)) {
        kept.add(part);
      }
    }
    return String.join("&", kept);
  }

  private static String shortHash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}

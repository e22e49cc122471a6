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
 * Stable article identity: a hash of the article's URL when there is one, else of the normalised
 * title and body, so the same article posted twice gets the same id.
 *
 * <p>The URL is the page's own canonical link ({@code <link rel=canonical>} or {@code og:url}) only
 * when it is trusted (see {@link #identityUrl}); a page is anyone's to write, and one that could
 * name another site's story as its canonical would take that story's id and have the real story
 * turned away as a duplicate of it.
 */
public final class ArticleIdentity {
  private static final Set<String> TRACKING =
      Set.of("fbclid", "gclid", "mc_cid", "mc_eid", "ref", "ref_src", "cmpid", "ocid", "spm");

  private ArticleIdentity() {}

  /**
   * The id of a cleaned article: 16 hex characters. Its canonical URL counts only as far as {@link
   * #identityUrl} trusts it, so an article that skipped that check cannot take another's id.
   */
  public static String idOf(Article a) {
    Optional<String> canonical = identityUrl(a.canonicalUrl(), a.url());
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
   * The URL that names an article, and what ingest stores as its {@code canonicalUrl}: the
   * canonical link the page claims, when it is trusted, else the submitted URL in {@link
   * #canonicalUrl canonical form}. A claim is trusted only when it is an absolute http(s) URL on
   * the same site ({@link SameSite}) as the URL the page was fetched from or submitted with; so a
   * page on another site, a {@code javascript:} or {@code data:} link and a relative one are never
   * used nor stored. The claim is kept as the page wrote it, so ids given before this check stay.
   *
   * <p>Empty when there is no usable submitted URL, whatever the page claims: nothing then vouches
   * for the claim, and kept even as a link to show it would still present the text under another
   * site's address. Identity then comes from the content, as for any text without a URL.
   *
   * @param claimed the page's canonical link or {@code og:url}, as read; may be null
   * @param url the URL the page was fetched from or submitted with; may be null
   */
  static Optional<String> identityUrl(String claimed, String url) {
    Optional<String> submitted = canonicalUrl(url);
    if (submitted.isEmpty()) {
      return Optional.empty();
    }
    if (claimed != null && SameSite.urls(claimed, url)) {
      return Optional.of(claimed);
    }
    return submitted;
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

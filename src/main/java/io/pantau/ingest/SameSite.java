package io.pantau.ingest;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether two web addresses belong to one site, which decides whether a page may name its own
 * canonical address (see {@link ArticleIdentity}).
 *
 * <p>The web's "site" is the registrable domain, which takes the Public Suffix List to compute;
 * Pantau does not ship that moving list, so this is a cautious approximation that errs towards "not
 * the same site" (the cost of a wrong "no" is only that identity falls back to the submitted URL).
 * Two hosts are one site when, lower-cased, in ASCII (punycode) form and without a trailing dot,
 *
 * <ul>
 *   <li>they are equal once one leading {@code www.}, {@code m.} or {@code amp.} is removed from
 *       each (the desktop, mobile and AMP editions of one outlet), or
 *   <li>one is a subdomain of the other and the shorter one is registrable: at least two labels,
 *       not an IP address and not a name on {@link #SHARED} ({@code amp.kompas.com} and {@code
 *       nasional.kompas.com} meet at {@code kompas.com}).
 * </ul>
 *
 * Siblings under a registrable domain ({@code nasional.kompas.com}, {@code bola.kompas.com}) are
 * not one site here: without the list the parent might be a shared name under which strangers hold
 * the siblings. Scheme and port do not matter; an IP address is only ever the same as itself.
 */
final class SameSite {
  /** Host prefixes that name the desktop, mobile and AMP editions of one outlet. */
  private static final List<String> EDITIONS = List.of("www.", "m.", "amp.");

  /**
   * Names under which strangers hold the subdomains, so the name must not speak for them, nor they
   * for it (gov.uk and medium.com serve pages of their own): two-level public suffixes of the
   * countries whose press Pantau reads and of the common English-language ones, and the big blog
   * hosts that give every user a subdomain. A small excerpt of the Public Suffix List, not all of
   * it; an unlisted one matters only where its own name also serves articles.
   */
  private static final Set<String> SHARED =
      Set.of(
          // Indonesia
          "co.id",
          "go.id",
          "ac.id",
          "or.id",
          "web.id",
          "my.id",
          "sch.id",
          "net.id",
          "mil.id",
          "biz.id",
          "desa.id",
          "ponpes.id",
          // South-East and East Asia
          "com.my",
          "gov.my",
          "com.sg",
          "gov.sg",
          "com.ph",
          "co.th",
          "go.th",
          "com.vn",
          "com.au",
          "gov.au",
          "net.au",
          "org.au",
          "co.jp",
          "co.kr",
          "com.cn",
          "com.hk",
          "com.tw",
          "co.in",
          "co.nz",
          // United Kingdom
          "co.uk",
          "org.uk",
          "gov.uk",
          "ac.uk",
          "me.uk",
          // blog hosts
          "blogspot.com",
          "wordpress.com",
          "medium.com",
          "substack.com",
          "tumblr.com",
          "github.io");

  private SameSite() {}

  /** Whether both URLs are absolute http(s) URLs without user info, on one site. */
  static boolean urls(String a, String b) {
    Optional<String> ha = host(a);
    Optional<String> hb = host(b);
    return ha.isPresent() && hb.isPresent() && hosts(ha.get(), hb.get());
  }

  /** Whether two hosts, as {@link #host} gives them, are one site. */
  static boolean hosts(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    if (isAddress(a) || isAddress(b)) {
      return false;
    }
    String ea = edition(a);
    String eb = edition(b);
    return ea.equals(eb)
        || ea.endsWith("." + eb) && registrable(eb)
        || eb.endsWith("." + ea) && registrable(ea);
  }

  /**
   * The host of an absolute http or https URL: lower case, ASCII (an internationalised name in its
   * punycode form) and without a trailing dot. Empty for any other scheme, for a URL without a host
   * and for a URL with user info: {@code http://kompas.com@evil.net/} goes to evil.net, and no news
   * page names itself with a login.
   */
  static Optional<String> host(String url) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    URI u;
    try {
      u = new URI(url.trim());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || u.getRawUserInfo() != null) {
      return Optional.empty();
    }
    String host = u.getHost();
    if (host == null) {
      // java.net.URI reads only ASCII host names; a name in Unicode (kömpas.com) comes back as a
      // bare authority. Only a plain name is taken: anything with user info, a port or brackets in
      // it is left unread rather than parsed a second way.
      String authority = u.getAuthority();
      if (authority == null || authority.matches(".*[@:\\[\\]/\\\\%\\s].*")) {
        return Optional.empty();
      }
      try {
        host = IDN.toASCII(authority, IDN.USE_STD3_ASCII_RULES);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (host.isEmpty() || host.startsWith(".") || host.contains("..")) {
      return Optional.empty();
    }
    return Optional.of(host);
  }

  /** The host without one leading edition prefix, unless that would leave no registrable name. */
  private static String edition(String host) {
    for (String prefix : EDITIONS) {
      if (host.startsWith(prefix) && registrable(host.substring(prefix.length()))) {
        return host.substring(prefix.length());
      }
    }
    return host;
  }

  private static boolean registrable(String host) {
    return host.indexOf('.') > 0 && !SHARED.contains(host) && !isAddress(host);
  }

  /** An IPv6 literal, or a name whose last label is a number (IPv4: no top-level domain is). */
  private static boolean isAddress(String host) {
    if (host.startsWith("[")) {
      return true;
    }
    String last = host.substring(host.lastIndexOf('.') + 1);
    return !last.isEmpty() && last.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}

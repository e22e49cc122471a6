package io.pantau.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SameSiteTest {

  @ParameterizedTest(name = "{0} and {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // the desktop, mobile and AMP editions of one outlet
        "https://www.kompas.com/read/1 | https://kompas.com/read/1",
        "https://amp.kompas.com/nasional/read/1 | https://www.kompas.com/nasional/read/1",
        "https://m.kompas.com/read/1 | https://amp.kompas.com/read/1",
        // an edition and a section host meet at the outlet's name
        "https://amp.kompas.com/nasional/read/1 | https://nasional.kompas.com/read/1",
        "https://m.detik.com/news/berita/d-1 | https://news.detik.com/berita/d-1",
        "https://edition.cnn.com/2025/06/16/x | https://www.cnn.com/2025/06/16/x",
        // case, a trailing dot, scheme and port do not matter
        "HTTPS://KOMPAS.COM./read/1 | https://www.kompas.com/read/1",
        "http://kompas.com:8443/read/1 | https://kompas.com/read/1",
        // an internationalised name and its punycode form
        "https://kömpas.com/berita | https://xn--kmpas-jua.com/berita",
        // a registrant under a public suffix and its own editions
        "https://www.tempo.co.id/x | https://tempo.co.id/x",
        "https://m.bbc.co.uk/news/1 | https://www.bbc.co.uk/news/1",
        // an address is the same as itself
        "http://127.0.0.1:8080/x | http://127.0.0.1/y",
      })
  void oneSite(String a, String b) {
    assertTrue(SameSite.urls(a, b), a + " and " + b);
    assertTrue(SameSite.urls(b, a), b + " and " + a);
  }

  @ParameterizedTest(name = "{0} and {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // a name that merely starts or ends like the real one
        "https://kompas.com.evil.net/read/1 | https://kompas.com/read/1",
        "https://evilkompas.com/read/1 | https://kompas.com/read/1",
        "https://kompas.com/read/1 | https://kompas.co/read/1",
        // strangers under one public suffix, and the suffix itself
        "https://a.co.id/x | https://b.co.id/x",
        "https://co.id/x | https://a.co.id/x",
        "https://m.co.id/x | https://www.co.id/x",
        "https://www.gov.uk/news/1 | https://evil.gov.uk/news/1",
        "https://a.com.au/x | https://b.com.au/x",
        // users of one blog host, and the host
        "https://medium.com/@victim/story | https://evil.medium.com/story",
        "https://victim.blogspot.com/x | https://evil.blogspot.com/x",
        // sections are not taken for one site without the outlet's name between them
        "https://nasional.kompas.com/read/1 | https://bola.kompas.com/read/1",
        // a punycode or Cyrillic look-alike
        "https://xn--kmpas-jua.com/x | https://kompas.com/x",
        "https://kоmpas.com/x | https://kompas.com/x",
        // user info: the first goes to evil.net; no page names itself with a login
        "http://kompas.com@evil.net/read/1 | https://kompas.com/read/1",
        "http://evil.net@kompas.com/read/1 | https://kompas.com/read/1",
        // a top-level domain alone, and numbers that are not one address
        "https://com/x | https://kompas.com/x",
        "http://10.0.0.1/x | http://0.0.1/x",
        "http://192.168.1.10/x | http://168.1.10/x",
        // not an http(s) address at all
        "javascript:alert(1)//kompas.com | https://kompas.com/x",
        "data:text/html,kompas.com | https://kompas.com/x",
        "vbscript:msgbox(1) | https://kompas.com/x",
        "ftp://kompas.com/x | https://kompas.com/x",
        "//kompas.com/read/1 | https://kompas.com/read/1",
        "/read/1 | https://kompas.com/read/1",
        "https:kompas.com/read/1 | https://kompas.com/read/1",
        "https://kompas..com/x | https://kompas.com/x",
      })
  void notOneSite(String a, String b) {
    assertFalse(SameSite.urls(a, b), a + " and " + b);
    assertFalse(SameSite.urls(b, a), b + " and " + a);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "https://WWW.Kompas.COM./x | www.kompas.com",
        "https://kömpas.com/x | xn--kmpas-jua.com",
        "http://[::1]:8080/x | [::1]",
        "https://kompas.com:443/x | kompas.com",
      })
  void theHostIsReadInOneForm(String url, String host) {
    assertEquals(Optional.of(host), SameSite.host(url));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "http://user:pw@kompas.com/x",
        "https://kömpas.com@evil.net/x",
        "https://kömpas.com:8443/x",
        "mailto:redaksi@kompas.com",
        "https:///x",
      })
  void aUrlWithoutAPlainHttpHostHasNone(String url) {
    assertEquals(Optional.empty(), SameSite.host(url));
  }
}

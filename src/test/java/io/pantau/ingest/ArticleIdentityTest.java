package io.pantau.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.pantau.article.Article;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleIdentityTest {
  private static final String REAL = "https://www.kompas.com/read/2025/06/16/banjir-demak";

  private static Article page(String url, String canonical, String title, String body) {
    return Article.builder().url(url).canonicalUrl(canonical).title(title).body(body).build();
  }

  @Test
  void aPageNamingItsOwnSitesAddressIsNamedByItAsWritten() {
    assertEquals(
        Optional.of(REAL),
        ArticleIdentity.identityUrl(REAL, "https://amp.kompas.com/read/2025/06/16/banjir-demak"));
  }

  @Test
  void aPageOnAnotherSiteIsNamedByItsOwnUrlWhateverCanonicalItClaims() {
    assertEquals(
        Optional.of("https://evil.example/fake?id=7"),
        ArticleIdentity.identityUrl(REAL, "https://evil.example/fake/?id=7&utm_source=x"));
    assertEquals(
        Optional.of("https://kompas.com.evil.net/read/2025/06/16/banjir-demak"),
        ArticleIdentity.identityUrl(
            REAL, "https://kompas.com.evil.net/read/2025/06/16/banjir-demak"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(document.cookie)",
        "JavaScript:alert(1)//https://kompas.com/x",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//kompas.com/read/1",
        "/read/1",
        "ftp://kompas.com/read/1",
        "http://kompas.com@evil.example/read/1"
      })
  void aCanonicalThatIsNotAnHttpAddressOfTheSiteIsNeverKept(String claimed) {
    assertEquals(
        Optional.of("https://kompas.com/read/1"),
        ArticleIdentity.identityUrl(claimed, "https://kompas.com/read/1"));
  }

  @Test
  void withoutASubmittedUrlNoCanonicalIsTrusted() {
    assertEquals(Optional.empty(), ArticleIdentity.identityUrl(REAL, null));
    assertEquals(Optional.empty(), ArticleIdentity.identityUrl(REAL, " "));
    assertEquals(Optional.empty(), ArticleIdentity.identityUrl(REAL, "javascript:alert(1)"));
  }

  @Test
  void aFakePageClaimingTheRealStorysCanonicalGetsAnIdOfItsOwn() {
    Article real = page(REAL, REAL, "Banjir Demak", "Air sungai meluap.");
    Article fake = page("https://evil.example/fake", REAL, "Banjir Demak", "Teks palsu.");
    assertNotEquals(ArticleIdentity.idOf(real), ArticleIdentity.idOf(fake));
    assertEquals(
        ArticleIdentity.idOf(page("https://evil.example/fake", null, "x", "y")),
        ArticleIdentity.idOf(fake),
        "the fake is named by where it was found");
  }

  @Test
  void aPageWithoutAUrlIsIdentifiedByItsTextNotByTheCanonicalItClaims() {
    Article claiming = page(null, REAL, "Banjir Demak", "Teks palsu.");
    Article plain = page(null, null, "Banjir Demak", "Teks palsu.");
    assertEquals(ArticleIdentity.idOf(plain), ArticleIdentity.idOf(claiming));
    assertNotEquals(
        ArticleIdentity.idOf(page(REAL, REAL, "x", "y")), ArticleIdentity.idOf(claiming));
  }

  @Test
  void aTrustedCanonicalGivesTheIdItGaveBeforeTheCheck() throws Exception {
    // Ids are stored; a trusted canonical must hash as it always did, or every page already
    // indexed would come back as a new article instead of a duplicate.
    byte[] digest =
        MessageDigest.getInstance("SHA-256")
            .digest(("url:" + REAL).getBytes(StandardCharsets.UTF_8));
    assertEquals(
        HexFormat.of().formatHex(digest, 0, 8),
        ArticleIdentity.idOf(page("https://m.kompas.com/read/x", REAL, "t", "b")));
  }
}

package io.pantau.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageDecoderTest {
  private static final Charset CP1252 = Charset.forName("windows-1252");
  private static final String TEXT = "Caf\u00e9 \u201cpavement tax\u201d \u2013 \u00a31,200";

  @Test
  void validUtf8DeclaredAsUtf8IsReadAsUtf8() {
    assertEquals(
        TEXT,
        PageDecoder.decode(TEXT.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8"));
  }

  @Test
  void pageDeclaredUtf8ButInvalidFallsBackToWindows1252() {
    assertEquals(TEXT, PageDecoder.decode(TEXT.getBytes(CP1252), "text/html; charset=UTF-8"));
  }

  @Test
  void pageDeclaredLatin1ThatIsValidUtf8IsReadAsUtf8() {
    assertEquals(TEXT, PageDecoder.decode(TEXT.getBytes(StandardCharsets.UTF_8), "ISO-8859-1"));
  }

  @Test
  void latin1LabelReadsWindows1252QuotesLikeBrowsersDo() {
    assertEquals(TEXT, PageDecoder.decode(TEXT.getBytes(CP1252), "text/html; charset=iso-8859-1"));
  }

  @Test
  void withoutHeaderTheMetaCharsetDecides() {
    String page =
        "<html><head><meta charset=\"windows-1252\"></head><body>" + TEXT + "</body></html>";
    assertEquals(page, PageDecoder.decode(page.getBytes(CP1252), null));
  }

  @Test
  void httpEquivMetaIsReadToo() {
    String page =
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-15\"><p>\u20ac 5</p>";
    assertEquals(page, PageDecoder.decode(page.getBytes(Charset.forName("ISO-8859-15")), null));
  }

  @Test
  void unlabelledBytesAreUtf8WhenValidAndWindows1252Otherwise() {
    assertEquals(TEXT, PageDecoder.decode(TEXT.getBytes(StandardCharsets.UTF_8), null));
    assertEquals(TEXT, PageDecoder.decode(TEXT.getBytes(CP1252), null));
  }

  @Test
  void byteOrderMarkWinsOverTheLabel() {
    byte[] body = TEXT.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    assertEquals(TEXT, PageDecoder.decode(withBom, "windows-1252"));
  }

  @Test
  void unknownLabelLeavesItToTheBytes() {
    assertEquals(
        TEXT, PageDecoder.decode(TEXT.getBytes(StandardCharsets.UTF_8), "charset=x-no-such"));
  }

  @Test
  void emptyInputIsEmptyText() {
    assertEquals("", PageDecoder.decode(null, "utf-8"));
    assertEquals("", PageDecoder.decode(new byte[0], null));
  }
}

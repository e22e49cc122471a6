package io.pantau.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of a fetched page into text, trusting the bytes over the label when the two
 * disagree. Pure: no I/O.
 *
 * <p>The order: a byte-order mark wins; then the charset declared by the HTTP header, else by the
 * page's own {@code <meta>}. A page labelled UTF-8 (or not labelled) that is not valid UTF-8 is
 * read as Windows-1252, the usual real encoding of such pages. A page labelled ISO-8859-1, US-ASCII
 * or Windows-1252 that is valid UTF-8 and holds multi-byte sequences is read as UTF-8, since
 * Latin-1 text almost never forms valid UTF-8 sequences by chance. ISO-8859-1 itself is read as
 * Windows-1252, as browsers do: the two differ only in the C1 range, where real pages mean
 * Windows-1252's curly quotes and dashes.
 */
public final class PageDecoder {

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private static final Pattern HEADER_CHARSET =
      Pattern.compile("(?i)charset\\s*=\\s*[\"']?([\\w.:-]+)");

  private static final Pattern META_CHARSET =
      Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([\\w.:-]+)");

  private static final int SNIFF_BYTES = 4096;

  private PageDecoder() {}

  /**
   * Decodes a page.
   *
   * @param bytes the body as fetched
   * @param declared the HTTP {@code Content-Type} value or a bare charset name; may be null
   * @return the text, never null
   */
  public static String decode(byte[] bytes, String declared) {
    if (bytes == null || bytes.length == 0) {
      return "";
    }
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
    }
    Charset label = charset(declared);
    if (label == null) {
      label = charset(metaCharset(bytes));
    }
    return decodeAs(bytes, label);
  }

  /** The charset the page's own markup declares, if any, read from its first bytes. */
  static String metaCharset(byte[] bytes) {
    String head =
        new String(bytes, 0, Math.min(bytes.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    return m.find() ? m.group(1) : null;
  }

  private static String decodeAs(byte[] bytes, Charset label) {
    boolean utf8Valid = validUtf8(bytes);
    if (label == null || label.equals(StandardCharsets.UTF_8)) {
      return utf8Valid
          ? new String(bytes, StandardCharsets.UTF_8)
          : new String(bytes, WINDOWS_1252);
    }
    if (isLatin(label)) {
      return utf8Valid && hasMultiByte(bytes)
          ? new String(bytes, StandardCharsets.UTF_8)
          : new String(bytes, WINDOWS_1252);
    }
    return new String(bytes, label);
  }

  private static boolean isLatin(Charset c) {
    return c.equals(StandardCharsets.ISO_8859_1)
        || c.equals(StandardCharsets.US_ASCII)
        || c.equals(WINDOWS_1252);
  }

  static Charset charset(String declared) {
    if (declared == null || declared.isBlank()) {
      return null;
    }
    String name = declared.trim();
    Matcher m = HEADER_CHARSET.matcher(name);
    if (m.find()) {
      name = m.group(1);
    } else if (name.contains(";") || name.contains("/")) {
      return null;
    }
    name = name.toLowerCase(Locale.ROOT);
    if (name.equals("latin1") || name.equals("latin-1")) {
      name = "iso-8859-1";
    }
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      // an unknown label says nothing: let the bytes decide
      return null;
    }
  }

  private static boolean validUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static boolean hasMultiByte(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}

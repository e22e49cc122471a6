package io.pantau.outbound;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns fetched bytes into text. A minimal stand-in for the cleaner's page decoder, which lives in
 * {@code ingest.clean} and which outbound may not import: byte-order mark, then the Content-Type
 * charset, then (for HTML) a meta charset near the top, then UTF-8 when the bytes are valid UTF-8,
 * else windows-1252.
 */
final class PageCharset {
  /** The HTML standard asks browsers to look for a meta charset in the first 1024 bytes. */
  private static final int META_WINDOW = 1024;

  private static final Pattern HEADER_CHARSET =
      Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9._:\\-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern META_CHARSET =
      Pattern.compile(
          "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:\\-]+)", Pattern.CASE_INSENSITIVE);

  private PageCharset() {}

  static String decode(byte[] body, String contentType) {
    if (body == null || body.length == 0) {
      return "";
    }
    if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
      return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    }
    if (startsWith(body, 0xFE, 0xFF)) {
      return new String(body, 2, body.length - 2, StandardCharsets.UTF_16BE);
    }
    if (startsWith(body, 0xFF, 0xFE)) {
      return new String(body, 2, body.length - 2, StandardCharsets.UTF_16LE);
    }
    Optional<Charset> declared = charsetOf(contentType);
    if (declared.isEmpty() && mediaType(contentType).contains("html")) {
      String head =
          new String(body, 0, Math.min(body.length, META_WINDOW), StandardCharsets.ISO_8859_1);
      Matcher m = META_CHARSET.matcher(head);
      if (m.find()) {
        declared = lookup(m.group(1));
      }
    }
    if (declared.isPresent()) {
      return new String(body, declared.get());
    }
    return strictUtf8(body).orElseGet(() -> new String(body, Charset.forName("windows-1252")));
  }

  /** The media type without parameters, lower case. */
  static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi))
        .trim()
        .toLowerCase(Locale.ROOT);
  }

  static Optional<Charset> charsetOf(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    Matcher m = HEADER_CHARSET.matcher(contentType);
    return m.find() ? lookup(m.group(1)) : Optional.empty();
  }

  private static Optional<Charset> lookup(String label) {
    String l = label.trim().toLowerCase(Locale.ROOT);
    // Browsers decode these labels as windows-1252, and so do the pages that declare them.
    if (l.equals("iso-8859-1") || l.equals("latin1") || l.equals("us-ascii") || l.equals("ascii")) {
      l = "windows-1252";
    }
    try {
      return Optional.of(Charset.forName(l));
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> strictUtf8(byte[] body) {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}

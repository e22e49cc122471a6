package io.pantau.ingest;

import io.pantau.article.RawArticle;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The journal form of an accepted raw article: a version byte, then each field in order. */
final class RawArticleCodec {
  private static final int VERSION = 1;

  private RawArticleCodec() {}

  static byte[] encode(RawArticle raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      writeString(out, raw.url());
      writeString(out, raw.title());
      writeString(out, raw.body());
      writeString(out, raw.html());
      writeString(out, raw.source());
      writeString(out, raw.published());
      writeString(out, raw.lang());
      out.writeBoolean(raw.fetchedAt() != null);
      if (raw.fetchedAt() != null) {
        out.writeLong(raw.fetchedAt().getEpochSecond());
        out.writeInt(raw.fetchedAt().getNano());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static RawArticle decode(byte[] payload) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
      int version = in.readUnsignedByte();
      if (version != VERSION) {
        throw new IllegalArgumentException("unknown journal record version " + version);
      }
      String url = readString(in);
      String title = readString(in);
      String body = readString(in);
      String html = readString(in);
      String source = readString(in);
      String published = readString(in);
      String lang = readString(in);
      Instant fetchedAt =
          in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
      return new RawArticle(url, title, body, html, source, published, lang, fetchedAt);
    } catch (IOException e) {
      throw new IllegalArgumentException("a truncated journal record", e);
    }
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    return new String(in.readNBytes(n), StandardCharsets.UTF_8);
  }
}

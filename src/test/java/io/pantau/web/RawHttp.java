package io.pantau.web;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A bare HTTP/1.1 client over a socket, so that a test can send what {@code java.net.URI} and
 * ordinary clients refuse to build: broken percent escapes, raw non-ASCII bytes in the target,
 * bodies in a wrong charset. Each thread keeps one keep-alive connection and opens a new one when
 * the server closed it, or after an answer that may leave part of the request unread.
 */
final class RawHttp implements AutoCloseable {
  private static final int MAX_HEAD = 1 << 20;

  private final int port;
  private final ThreadLocal<Connection> connections = new ThreadLocal<>();
  private final java.util.Set<Connection> open = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final java.util.concurrent.atomic.AtomicLong opened =
      new java.util.concurrent.atomic.AtomicLong();

  RawHttp(int port) {
    this.port = port;
  }

  /** An answer: status, lower-cased header names, body bytes. */
  record Answer(int status, Map<String, String> headers, byte[] body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private record Connection(Socket socket, InputStream in, OutputStream out) {}

  /** Connections opened so far: far fewer than requests when keep-alive works. */
  long connectionsOpened() {
    return opened.get();
  }

  /**
   * Sends one request. {@code target} is written as given (as ISO-8859-1 bytes, so a caller can put
   * any byte in it); {@code contentType} may be null.
   */
  Answer send(String method, String target, String apiKey, String contentType, byte[] body)
      throws IOException {
    byte[] head = head(method, target, apiKey, contentType, body);
    Connection reused = connections.get();
    if (reused != null) {
      try {
        return exchange(reused, head, body);
      } catch (IOException e) {
        // The server closed the idle connection (or refused what was sent on it): a fresh one.
        drop(reused);
      }
    }
    return exchange(connect(), head, body);
  }

  private byte[] head(
      String method, String target, String apiKey, String contentType, byte[] body) {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    head.writeBytes((method + " ").getBytes(StandardCharsets.US_ASCII));
    head.writeBytes(target.getBytes(StandardCharsets.ISO_8859_1));
    StringBuilder h = new StringBuilder(" HTTP/1.1\r\n");
    h.append("Host: 127.0.0.1:").append(port).append("\r\n");
    if (apiKey != null) {
      h.append("X-API-Key: ").append(apiKey).append("\r\n");
    }
    if (contentType != null) {
      h.append("Content-Type: ").append(contentType).append("\r\n");
    }
    if (body != null) {
      h.append("Content-Length: ").append(body.length).append("\r\n");
    }
    h.append("\r\n");
    head.writeBytes(h.toString().getBytes(StandardCharsets.ISO_8859_1));
    return head.toByteArray();
  }

  private Connection connect() throws IOException {
    Socket s = new Socket();
    s.setTcpNoDelay(true);
    s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    s.setSoTimeout(120_000);
    Connection c =
        new Connection(s, new BufferedInputStream(s.getInputStream(), 65_536), s.getOutputStream());
    opened.incrementAndGet();
    open.add(c);
    connections.set(c);
    return c;
  }

  private Answer exchange(Connection c, byte[] head, byte[] body) throws IOException {
    boolean bodySent = true;
    try {
      c.out().write(head);
      if (body != null) {
        try {
          c.out().write(body);
        } catch (IOException e) {
          // The server may answer (413) and close before reading a large body; read the answer.
          bodySent = false;
        }
      }
      c.out().flush();
      Answer a = read(c.in());
      String connection = a.header("connection");
      if (!bodySent
          || (connection != null && connection.toLowerCase(Locale.ROOT).contains("close"))
          || a.status() == 413
          || a.status() == 414
          || a.status() == 431) {
        drop(c);
      }
      return a;
    } catch (IOException e) {
      drop(c);
      throw e;
    }
  }

  private void drop(Connection c) {
    if (connections.get() == c) {
      connections.remove();
    }
    open.remove(c);
    try {
      c.socket().close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  @Override
  public void close() {
    for (Connection c : open) {
      try {
        c.socket().close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    open.clear();
  }

  private static Answer read(InputStream in) throws IOException {
    String statusLine = line(in);
    if (statusLine == null) {
      throw new IOException("The connection closed before an answer");
    }
    String[] parts = statusLine.split(" ");
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      throw new IOException("Not an HTTP status line: " + statusLine);
    }
    int status = Integer.parseInt(parts[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    int headBytes = statusLine.length();
    for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
      headBytes += l.length();
      if (headBytes > MAX_HEAD) {
        throw new IOException("Answer head over " + MAX_HEAD + " bytes");
      }
      int colon = l.indexOf(':');
      if (colon > 0) {
        headers.put(
            l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
      }
    }
    byte[] body;
    String length = headers.get("content-length");
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = chunked(in);
    } else if (length != null) {
      body = in.readNBytes(Integer.parseInt(length));
      if (body.length < Integer.parseInt(length)) {
        throw new IOException("Answer body cut short");
      }
    } else if (status == 204 || status == 304) {
      body = new byte[0];
    } else {
      body = in.readAllBytes();
      headers.put("connection", "close");
    }
    return new Answer(status, headers, body);
  }

  private static byte[] chunked(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      String size = line(in);
      if (size == null) {
        throw new IOException("Chunked answer cut short");
      }
      int semi = size.indexOf(';');
      int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
      if (n == 0) {
        // trailers, up to the blank line
        for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
          // ignored
        }
        return out.toByteArray();
      }
      byte[] chunk = in.readNBytes(n);
      if (chunk.length < n) {
        throw new IOException("Chunk cut short");
      }
      out.writeBytes(chunk);
      line(in);
    }
  }

  /** One CRLF-terminated line as ISO-8859-1, without the CRLF; null at the end of the stream. */
  private static String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        int len = b.length();
        if (len > 0 && b.charAt(len - 1) == '\r') {
          b.setLength(len - 1);
        }
        return b.toString();
      }
      if (b.length() > MAX_HEAD) {
        throw new IOException("Line over " + MAX_HEAD + " bytes");
      }
      b.append((char) c);
    }
    return b.length() == 0 ? null : b.toString();
  }
}

package io.pantau.web;

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
 * A bare HTTP/1.1 client over a socket, one connection per request, so that a test can send what
 * {@code java.net.URI} and ordinary clients refuse to build: broken percent escapes, raw non-ASCII
 * bytes in the target, bodies in a wrong charset.
 */
final class RawHttp {
  private final int port;

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

  /**
   * Sends one request. {@code target} is written as given (as ISO-8859-1 bytes, so a caller can put
   * any byte in it); {@code contentType} may be null.
   */
  Answer send(String method, String target, String apiKey, String contentType, byte[] body)
      throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      s.setSoTimeout(120_000);
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      head.writeBytes((method + " ").getBytes(StandardCharsets.US_ASCII));
      head.writeBytes(target.getBytes(StandardCharsets.ISO_8859_1));
      StringBuilder h = new StringBuilder(" HTTP/1.1\r\n");
      h.append("Host: 127.0.0.1:").append(port).append("\r\n");
      h.append("Connection: close\r\n");
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
      OutputStream out = s.getOutputStream();
      out.write(head.toByteArray());
      if (body != null) {
        try {
          out.write(body);
        } catch (IOException e) {
          // The server may answer (413) and close before reading a large body; read the answer.
        }
      }
      out.flush();
      return read(s.getInputStream());
    }
  }

  private static Answer read(InputStream in) throws IOException {
    byte[] all = in.readAllBytes();
    int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    if (end < 0) {
      throw new IOException("No complete HTTP answer: " + all.length + " bytes");
    }
    String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
    }
    byte[] rest = java.util.Arrays.copyOfRange(all, end + 4, all.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      rest = dechunk(rest);
    }
    return new Answer(status, headers, rest);
  }

  private static byte[] dechunk(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int pos = 0;
    while (pos < data.length) {
      int lineEnd = indexOf(data, "\r\n".getBytes(StandardCharsets.US_ASCII), pos);
      if (lineEnd < 0) {
        break;
      }
      String size = new String(data, pos, lineEnd - pos, StandardCharsets.US_ASCII).trim();
      int semi = size.indexOf(';');
      int n = Integer.parseInt(semi < 0 ? size : size.substring(0, semi), 16);
      if (n == 0) {
        break;
      }
      out.write(data, lineEnd + 2, n);
      pos = lineEnd + 2 + n + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] data, byte[] needle) {
    return indexOf(data, needle, 0);
  }

  private static int indexOf(byte[] data, byte[] needle, int from) {
    outer:
    for (int i = from; i <= data.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}

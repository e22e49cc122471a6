package io.pantau.web;

import java.io.IOException;
import java.io.Reader;

/**
 * The lines of a request body, each at most {@code max} characters: a longer line is read to its
 * end and stands as {@link #TOO_LONG}, so one oversized line costs no memory and the lines after it
 * are still read. Lines end at '\n' (a '\r' before it is dropped). Reads the body a buffer at a
 * time: a character at a time through a {@code BufferedReader} took its lock per character.
 */
final class BoundedLineReader {
  /** Stands for a line longer than the limit; compare by identity. */
  static final String TOO_LONG = new String("line too long");

  private final Reader in;
  private final int max;
  private final char[] buf = new char[16 * 1024];
  private int pos;
  private int len;

  BoundedLineReader(Reader in, int max) {
    this.in = in;
    this.max = max;
  }

  /** The next line, {@link #TOO_LONG}, or null at the end of the body. */
  String next() throws IOException {
    StringBuilder b = null;
    boolean any = false;
    boolean over = false;
    while (true) {
      if (pos >= len) {
        len = in.read(buf, 0, buf.length);
        pos = 0;
        if (len <= 0) {
          len = 0;
          break;
        }
      }
      any = true;
      int end = pos;
      while (end < len && buf[end] != '\n') {
        end++;
      }
      if (!over) {
        int have = b == null ? 0 : b.length();
        if (have + (end - pos) > max) {
          over = true;
          b = null;
        } else {
          if (b == null) {
            b = new StringBuilder(Math.max(16, end - pos));
          }
          b.append(buf, pos, end - pos);
        }
      }
      if (end < len) {
        pos = end + 1; // past the '\n'
        break;
      }
      pos = len;
    }
    if (!any) {
      return null;
    }
    if (over) {
      return TOO_LONG;
    }
    if (b == null) {
      return "";
    }
    int n = b.length();
    return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
  }
}

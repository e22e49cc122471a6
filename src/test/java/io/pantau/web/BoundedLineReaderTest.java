package io.pantau.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.pantau.testsupport.RandomText;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {

  /** The specification: a character at a time, as the reader used to be written. */
  private static List<String> reference(String body, int max) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (true) {
      StringBuilder b = new StringBuilder();
      boolean any = false;
      boolean over = false;
      for (; i < body.length(); ) {
        char c = body.charAt(i++);
        any = true;
        if (c == '\n') {
          break;
        }
        if (over) {
          continue;
        }
        if (b.length() >= max) {
          over = true;
          b.setLength(0);
        } else {
          b.append(c);
        }
      }
      if (!any) {
        return out;
      }
      if (over) {
        out.add("<too long>");
        continue;
      }
      int end = b.length();
      out.add(end > 0 && b.charAt(end - 1) == '\r' ? b.substring(0, end - 1) : b.toString());
    }
  }

  /** A reader that hands out at most a few characters per call, as a network body may. */
  private static Reader trickle(String body, Random random) {
    StringReader in = new StringReader(body);
    return new Reader() {
      @Override
      public int read(char[] cbuf, int off, int len) throws IOException {
        return in.read(cbuf, off, Math.min(len, 1 + random.nextInt(7)));
      }

      @Override
      public void close() {}
    };
  }

  private static List<String> read(Reader in, int max) throws IOException {
    BoundedLineReader lines = new BoundedLineReader(in, max);
    List<String> out = new ArrayList<>();
    for (String line; (line = lines.next()) != null; ) {
      out.add(line == BoundedLineReader.TOO_LONG ? "<too long>" : line);
    }
    return out;
  }

  @Test
  void readsLinesAsTheCharacterAtATimeReaderDid() throws IOException {
    char[] alphabet = {'a', '\u00e9', '\n', '\n', '\r', ' ', '{', '"'};
    Random random = new Random(29);
    for (int n = 0; n < 20_000; n++) {
      String body = RandomText.of(random, alphabet, random.nextInt(40));
      int max = 1 + random.nextInt(8);
      assertEquals(reference(body, max), read(new StringReader(body), max), body);
      assertEquals(reference(body, max), read(trickle(body, random), max), body);
    }
  }

  @Test
  void anOversizedLineIsMarkedAndTheNextOneStillRead() throws IOException {
    BoundedLineReader lines =
        new BoundedLineReader(new StringReader("x".repeat(50_000) + "\r\n{\"ok\":1}\r\n"), 1000);
    assertSame(BoundedLineReader.TOO_LONG, lines.next());
    assertEquals("{\"ok\":1}", lines.next());
    assertEquals(null, lines.next());
  }
}

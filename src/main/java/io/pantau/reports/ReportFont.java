package io.pantau.reports;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The typeface of reports: Liberation Sans, the TrueType font PDFBox ships inside its jar. It
 * covers Latin with its accents (Indonesian, English, most European languages), so PDFs and charts
 * never depend on the fonts of the machine they are made on.
 */
final class ReportFont {
  static final String RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

  private static Font awt;

  private ReportFont() {}

  /** The font file; the caller closes the stream. */
  static InputStream open() {
    InputStream in = ReportFont.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("PDFBox no longer ships " + RESOURCE);
    }
    return in;
  }

  /** The same font for Java2D (charts), at this size. */
  static synchronized Font awt(float size) {
    if (awt == null) {
      try (InputStream in = open()) {
        awt = Font.createFont(Font.TRUETYPE_FONT, in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (FontFormatException e) {
        throw new IllegalStateException("unreadable " + RESOURCE, e);
      }
    }
    return awt.deriveFont(size);
  }
}

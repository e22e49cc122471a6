package io.pantau.reports;

import io.pantau.analytics.SentimentTimeline;
import io.pantau.analytics.SourceShares;
import io.pantau.analytics.TermCounts;
import io.pantau.analytics.Volume;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultPieDataset;

/** The charts of the PDF report, drawn with JFreeChart in the report font and encoded as PNG. */
final class Charts {
  /** Pixels per point of the PDF: charts are drawn at twice the size they are shown at. */
  static final int SCALE = 2;

  private static final Color POSITIVE = new Color(0x2E7D32);
  private static final Color NEUTRAL = new Color(0x9E9E9E);
  private static final Color NEGATIVE = new Color(0xC62828);
  private static final Color VOLUME = new Color(0x1565C0);

  /** Most slices of the share-of-voice pie; the rest are one slice. */
  static final int SLICES = 8;

  private Charts() {}

  static byte[] volume(Volume.Series series, ZoneId zone, int width, int height) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Volume.Point p : series.points()) {
      data.addValue(p.count(), "articles", LocalDate.ofInstant(p.t(), zone).toString());
    }
    JFreeChart chart =
        ChartFactory.createBarChart(
            "Articles per day",
            null,
            "articles",
            data,
            PlotOrientation.VERTICAL,
            false,
            false,
            false);
    theme(chart);
    CategoryPlot plot = chart.getCategoryPlot();
    ((BarRenderer) plot.getRenderer()).setSeriesPaint(0, VOLUME);
    dates(plot.getDomainAxis(), data.getColumnCount());
    return png(chart, width, height);
  }

  static byte[] sentiment(SentimentTimeline timeline, ZoneId zone, int width, int height) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (SentimentTimeline.Point p : timeline.points()) {
      String day = LocalDate.ofInstant(p.t(), zone).toString();
      data.addValue(p.positive(), "positive", day);
      data.addValue(p.neutral(), "neutral", day);
      data.addValue(p.negative(), "negative", day);
    }
    JFreeChart chart =
        ChartFactory.createStackedBarChart(
            "Sentiment per day",
            null,
            "articles",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    theme(chart);
    CategoryPlot plot = chart.getCategoryPlot();
    BarRenderer r = (BarRenderer) plot.getRenderer();
    r.setSeriesPaint(0, POSITIVE);
    r.setSeriesPaint(1, NEUTRAL);
    r.setSeriesPaint(2, NEGATIVE);
    dates(plot.getDomainAxis(), data.getColumnCount());
    return png(chart, width, height);
  }

  static byte[] shareOfVoice(SourceShares sources, int width, int height) {
    DefaultPieDataset<String> data = new DefaultPieDataset<>();
    List<SourceShares.Item> items = sources.items();
    long shown = 0;
    for (int i = 0; i < Math.min(SLICES, items.size()); i++) {
      data.setValue(items.get(i).source(), items.get(i).count());
      shown += items.get(i).count();
    }
    if (sources.total() > shown) {
      data.setValue("other", sources.total() - shown);
    }
    JFreeChart chart = ChartFactory.createPieChart("Share of voice", data, true, false, false);
    theme(chart);
    ((PiePlot<?>) chart.getPlot()).setLabelFont(ReportFont.awt(20f));
    return png(chart, width, height);
  }

  static byte[] keywords(TermCounts keywords, int width, int height) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    keywords.items().forEach(i -> data.addValue(i.count(), "articles", i.term()));
    JFreeChart chart =
        ChartFactory.createBarChart(
            "Top keywords",
            null,
            "articles",
            data,
            PlotOrientation.HORIZONTAL,
            false,
            false,
            false);
    theme(chart);
    ((BarRenderer) chart.getCategoryPlot().getRenderer()).setSeriesPaint(0, VOLUME);
    return png(chart, width, height);
  }

  private static void dates(CategoryAxis axis, int columns) {
    axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    axis.setMaximumCategoryLabelLines(1);
    if (columns > 31) {
      // Long periods: labels would overlap; the axis still shows the bars in order.
      axis.setTickLabelsVisible(false);
    }
  }

  /** Fonts and plain backgrounds; applied before the series colours, which it would reset. */
  private static void theme(JFreeChart chart) {
    StandardChartTheme theme = new StandardChartTheme("pantau");
    theme.setExtraLargeFont(ReportFont.awt(28f).deriveFont(Font.BOLD));
    theme.setLargeFont(ReportFont.awt(22f));
    theme.setRegularFont(ReportFont.awt(20f));
    theme.setSmallFont(ReportFont.awt(18f));
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setBarPainter(new StandardBarPainter());
    theme.setShadowVisible(false);
    theme.apply(chart);
  }

  private static byte[] png(JFreeChart chart, int width, int height) {
    BufferedImage img = chart.createBufferedImage(width * SCALE, height * SCALE);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}

package io.pantau.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.demo.ArticleGenerator;
import io.pantau.demo.GeneratorSpec;
import io.pantau.index.ArticleIndex;
import io.pantau.ingest.ArticleImporter;
import io.pantau.testsupport.Api;
import io.pantau.testsupport.ElasticsearchResource;
import io.pantau.testsupport.LocalSite;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web dashboard in the system's headless Chromium against the seeded sample data: charts render
 * with data, search highlights, the article detail, an alert made through the form, the CSV
 * download, and no JavaScript console errors on any page. With {@code -Dscreenshots=DIR} each test
 * also saves its page at 1366x768 into DIR.
 */
@QuarkusTest
@QuarkusTestResource(ElasticsearchResource.class)
class DashboardBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** The demo corpus's period, so the views do not depend on what other tests index today. */
  private static final String PERIOD = "from=2025-06-01&to=2025-10-31";

  /**
   * The overview's period: its last four months, so that trending has a previous period (March to
   * June) holding June's articles to compare with.
   */
  private static final String LATER = "from=2025-07-01&to=2025-10-31";

  private static final Duration WAIT = Duration.ofSeconds(45);

  private static ChromeDriver driver;
  private static Path profile;
  private static Path downloads;
  private static LocalSite site;
  private static boolean seeded;

  @TestHTTPResource("/")
  URL root;

  @Inject ArticleImporter importer;
  @Inject ArticleIndex index;

  @BeforeAll
  static void startBrowser() throws IOException {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Skipped: no /usr/bin/chromium and /usr/bin/chromedriver here"
            + " (Debian: apt-get install chromium chromium-driver)");
    profile = Files.createTempDirectory("pantau-chromium-");
    downloads = Files.createTempDirectory("pantau-downloads-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        "--window-size=1366,768",
        "--user-data-dir=" + profile);
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory",
            downloads.toString(),
            "download.prompt_for_download",
            false));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    // An explicit driver binary: Selenium Manager never downloads anything.
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    driver = new ChromeDriver(service, options);
    site = LocalSite.start();
  }

  @AfterAll
  static void stopBrowser() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (site != null) {
      site.close();
    }
    for (Path dir : new Path[] {profile, downloads}) {
      if (dir != null) {
        try (Stream<Path> files = Files.walk(dir)) {
          files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  /** The raw seed files and the demo corpus, as a fresh install loads them. */
  @BeforeEach
  void seed() throws IOException {
    if (seeded) {
      return;
    }
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    ArticleImporter.Summary raw = importer.importPath(Path.of("seeds", "raw"), quiet);
    assertEquals(0, raw.rejected(), raw.toString());
    GeneratorSpec spec = GeneratorSpec.read(Path.of("seeds"));
    ArticleImporter.Summary corpus =
        importer.importArticles(new ArticleGenerator().generate(spec), spec.count(), quiet);
    assertEquals(0, corpus.rejected(), corpus.toString());
    index.refresh();
    seeded = true;
  }

  @AfterEach
  void noConsoleErrors() {
    List<String> severe =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
            .map(LogEntry::getMessage)
            .toList();
    assertEquals(List.of(), severe, "JavaScript console errors");
  }

  /** Loads the dashboard afresh (not a mere fragment change) with the key and a route. */
  private void open(String route) {
    driver.get("about:blank");
    driver.get(root.toString() + "#key=" + Api.EDITOR + "&" + route);
  }

  /**
   * A wait that polls through re-renders: the dashboard replaces a page's elements when its data
   * arrives, so an element found in one poll may be detached before the next call on it.
   */
  private WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(driver, WAIT);
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  private Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Waits until no panel shows a loading state. */
  private void settled() {
    waiting()
        .until(
            d ->
                Boolean.TRUE.equals(
                    js(
                        "return document.querySelectorAll('[aria-busy], .state.loading').length"
                            + " === 0 && document.getElementById('page').children.length > 0")));
  }

  private void screenshot(String name) throws IOException {
    String dir = System.getProperty("screenshots");
    if (dir == null || dir.isBlank()) {
      return;
    }
    js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)");
    // Let the charts finish their entry animation.
    waiting()
        .until(
            d ->
                Boolean.TRUE.equals(js("return new Promise(r => setTimeout(() => r(true), 800))")));
    Path out = Path.of(dir).resolve(name + ".png");
    Files.createDirectories(out.getParent());
    Files.write(out, driver.getScreenshotAs(OutputType.BYTES));
  }

  /** How many stored articles the search API finds with these parameters. */
  private static long total(Map<String, String> params) {
    return Api.asViewer()
        .queryParams(params)
        .get("/api/articles")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("total");
  }

  private List<String> errors() {
    return driver.findElements(By.cssSelector(".state.error")).stream()
        .map(WebElement::getText)
        .toList();
  }

  @Test
  void theKeyInTheFragmentIsKeptForTheSessionAndLeavesTheAddressBar() {
    open("/overview?" + PERIOD);
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("filters")));
    waiting().until(d -> !d.getCurrentUrl().contains(Api.EDITOR));
    assertEquals(Api.EDITOR, js("return sessionStorage.getItem('pantau.apiKey')"));
    assertTrue(driver.getCurrentUrl().contains("#/overview?from=2025-06-01"));
  }

  @Test
  void aLinkWithAnotherKeyAsksBeforeReplacingTheTabsKeyAndLeavesTheAddressBarEitherWay() {
    open("/overview?" + PERIOD);
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("filters")));
    assertEquals(Api.EDITOR, js("return sessionStorage.getItem('pantau.apiKey')"));
    WebDriverWait dialog = new WebDriverWait(driver, Duration.ofSeconds(10));
    try {
      // A link carrying someone else's key arrives in the signed-in tab: declined.
      js("location.hash = arguments[0]", "#key=" + Api.VIEWER + "&/articles?" + PERIOD);
      Alert ask = dialog.until(ExpectedConditions.alertIsPresent());
      assertTrue(ask.getText().contains("different API key"), ask.getText());
      ask.dismiss();
      waiting().until(d -> !d.getCurrentUrl().contains("key="));
      assertEquals(Api.EDITOR, js("return sessionStorage.getItem('pantau.apiKey')"));
      assertTrue(driver.getCurrentUrl().contains("#/articles?from=2025-06-01"));
      waiting().until(d -> d.findElement(By.id("page")).getText().length() > 0);

      // The same key again: nothing to ask, and the key still leaves the address bar.
      js("location.hash = arguments[0]", "#key=" + Api.EDITOR + "&/overview?" + PERIOD);
      waiting().until(d -> !d.getCurrentUrl().contains("key="));
      assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());

      // Another key, accepted.
      js("location.hash = arguments[0]", "#key=" + Api.VIEWER + "&/overview?" + PERIOD);
      dialog.until(ExpectedConditions.alertIsPresent()).accept();
      waiting().until(d -> !d.getCurrentUrl().contains("key="));
      assertEquals(Api.VIEWER, js("return sessionStorage.getItem('pantau.apiKey')"));
    } finally {
      try {
        driver.switchTo().alert().dismiss();
      } catch (NoAlertPresentException e) {
        // None left open.
      }
      // The other tests open their links with the editor key: no dialog for them.
      js("sessionStorage.setItem('pantau.apiKey', arguments[0])", Api.EDITOR);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theOverviewChartsRenderTheSeededDataAndABarDrillsDown() throws IOException {
    open("/overview?" + LATER);
    settled();
    assertEquals(List.of(), errors());
    List<List<Object>> charts =
        (List<List<Object>>)
            js(
                "return [...document.querySelectorAll('.chart')].map(el => {"
                    + " const o = echarts.getInstanceByDom(el).getOption();"
                    + " const values = o.series.flatMap(s => s.data.map(v =>"
                    + "   Array.isArray(v) ? v[1] : (v && typeof v === 'object' ? v.value : v)));"
                    + " return [el.dataset.chart, o.series.length,"
                    + "   values.filter(v => typeof v === 'number' && v > 0).length]; })");
    List<String> names = charts.stream().map(c -> (String) c.get(0)).toList();
    assertEquals(
        List.of(
            "volume",
            "sources",
            "sentiment",
            "distribution",
            "trending",
            "keywords",
            "languages",
            "person",
            "organization",
            "place"),
        names);
    for (List<Object> c : charts) {
      assertTrue(((Number) c.get(1)).intValue() > 0, "series in " + c);
      assertTrue(((Number) c.get(2)).intValue() > 0, "positive values in " + c);
    }
    // Four months of daily buckets, and the corpus's eight outlets.
    long days =
        (Long)
            js(
                "return echarts.getInstanceByDom(document.querySelector('[data-chart=volume]')).getOption().series[0].data.length");
    assertEquals(123, days, "daily volume points, July to October");
    long sources =
        (Long)
            js(
                "return echarts.getInstanceByDom(document.querySelector('[data-chart=sources]')).getOption().series[0].data.length");
    assertTrue(sources >= 8, "sources: " + sources);
    String kpi = driver.findElement(By.cssSelector(".kpi-value")).getText();
    long stored = total(Map.of("from", "2025-07-01", "to", "2025-11-01"));
    assertEquals(String.format(Locale.ROOT, "%,d", stored), kpi, "articles of the period");
    assertTrue(stored >= 1000, "the demo corpus's July to October: " + stored);
    screenshot("overview");

    // Clicking the top keyphrase's bar adds it to the query of every panel.
    String top =
        (String)
            js(
                "const c = echarts.getInstanceByDom(document.querySelector('[data-chart=keywords]'));"
                    + " const y = c.getOption().yAxis[0].data; return y[y.length - 1];");
    WebElement keywords = driver.findElement(By.cssSelector("[data-chart=keywords]"));
    List<Number> at =
        (List<Number>)
            js(
                "const c = echarts.getInstanceByDom(arguments[0]); const o = c.getOption();"
                    + " const n = o.yAxis[0].data.length; const v = o.series[0].data[n - 1];"
                    + " return c.convertToPixel({seriesIndex: 0}, [v / 2, n - 1]);",
                keywords);
    Dimension size = keywords.getSize();
    new Actions(driver)
        .moveToElement(
            keywords,
            at.get(0).intValue() - size.getWidth() / 2,
            at.get(1).intValue() - size.getHeight() / 2)
        .click()
        .perform();
    waiting().until(d -> d.getCurrentUrl().contains("q="));
    String q = driver.findElement(By.id("f-q")).getDomProperty("value");
    assertTrue(q.contains(top.contains(" ") ? "\"" + top + "\"" : top), q + " has " + top);
    settled();
    assertEquals(List.of(), errors());
  }

  @Test
  void aBareWordHighlightsItsInflectionsInTheResults() {
    JsonPath page =
        Api.asViewer()
            .queryParam("q", "dagang")
            .queryParam("from", "2025-06-01")
            .queryParam("to", "2025-10-31")
            .get("/api/articles")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<String> inflections = page.getList("inflections");
    assertFalse(inflections.isEmpty(), "no inflection of dagang among the hits");
    open("/articles?q=dagang&" + PERIOD);
    waiting().until(d -> !d.findElements(By.cssSelector(".result")).isEmpty());
    settled();
    assertEquals(List.of(), errors());
    List<String> marks =
        driver.findElements(By.cssSelector(".result mark")).stream()
            .map(e -> e.getText().toLowerCase())
            .distinct()
            .sorted()
            .toList();
    for (String m : marks) {
      assertTrue(m.equals("dagang") || inflections.contains(m), m + " marked; " + inflections);
    }
    assertTrue(
        marks.stream().anyMatch(inflections::contains),
        "no inflection marked: " + marks + "; " + inflections);
  }

  @Test
  void aSearchHighlightsItsWordsAndOpensAnArticleWithItsMetadataAndCopies() throws IOException {
    open("/articles?" + PERIOD);
    WebElement q = waiting().until(ExpectedConditions.elementToBeClickable(By.id("f-q")));
    q.clear();
    q.sendKeys("\"neraca dagang\"");
    driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
    waiting().until(d -> d.getCurrentUrl().contains("q=%22neraca"));
    settled();
    assertEquals(List.of(), errors());
    List<WebElement> results = driver.findElements(By.cssSelector(".result"));
    assertFalse(results.isEmpty(), "results");
    List<String> marks =
        driver.findElements(By.cssSelector(".result mark")).stream()
            .map(e -> e.getText().toLowerCase())
            .distinct()
            .sorted()
            .toList();
    assertEquals(List.of("neraca dagang"), marks, "the phrase is marked, not its words alone");
    assertTrue(
        driver
            .findElement(By.cssSelector(".summary"))
            .getText()
            .matches("[\\d,]+ articles? match .*"));
    screenshot("articles");

    // The wire story and its republished copy: the detail lists the other copy.
    WebElement first =
        results.stream()
            .filter(r -> r.findElement(By.cssSelector(".meta")).getText().contains("rakyatnews"))
            .map(r -> r.findElement(By.cssSelector("h2 a")))
            .findFirst()
            .orElseThrow();
    String title = first.getText();
    first.click();
    WebElement h1 =
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("article-title")));
    settled();
    assertEquals(title, h1.getText());
    String metadata = driver.findElement(By.cssSelector(".detail-meta dl")).getText();
    for (String label :
        List.of("Source", "Published", "Language", "Sentiment", "Keyphrases", "Story", "Words")) {
      assertTrue(metadata.contains(label), label + " in " + metadata);
    }
    assertEquals(
        "neraca dagang",
        driver.findElement(By.cssSelector("#article-title mark")).getText().toLowerCase());
    String id = driver.getCurrentUrl().replaceAll(".*#/articles/([^?]+).*", "$1");
    JsonPath article =
        Api.asViewer().get("/api/articles/" + id).then().statusCode(200).extract().jsonPath();
    long copies = total(Map.of("q", "story:" + article.getString("storyId")));
    List<WebElement> shown = driver.findElements(By.cssSelector(".copies li"));
    assertEquals(copies - 1, shown.size(), "other copies of story " + article.getString("storyId"));
    assertTrue(copies >= 2, "the seed holds a republished copy of the trade story");
    screenshot("article");
  }

  @Test
  void anAlertMadeThroughTheFormIsPreviewedSavedAndListed() throws IOException {
    String name = "Banjir watch " + UUID.randomUUID().toString().substring(0, 6);
    open("/alerts/new?" + PERIOD);
    WebElement nameField =
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("a-name")));
    nameField.sendKeys(name);
    WebElement query = driver.findElement(By.id("a-query"));
    query.clear();
    query.sendKeys("banjir OR flood");
    WebElement total =
        waiting()
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".preview-total strong")));
    long previewed =
        Api.asViewer()
            .contentType("application/json")
            .body(Map.of("query", "banjir OR flood"))
            .post("/api/alerts/preview")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("total");
    assertEquals(String.format(Locale.ROOT, "%,d", previewed), total.getText());
    driver.findElement(By.id("a-webhook")).sendKeys(site.uri("/hook").toString());
    driver.findElement(By.cssSelector(".alert-form button[type=submit]")).click();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("events-title")));
    settled();
    assertEquals(List.of(), errors());
    String listed = driver.findElement(By.cssSelector("table.rules")).getText();
    assertTrue(listed.contains(name) && listed.contains("banjir OR flood"), listed);
    assertTrue(driver.findElement(By.cssSelector(".note")).getText().contains("secret"));
    List<String> stored =
        Api.asViewer()
            .get("/api/alerts")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("name");
    assertTrue(stored.contains(name), stored.toString());
    screenshot("alerts");
  }

  @Test
  void theReportsPageDownloadsTheCoverageCsvOfTheFilter() throws IOException, InterruptedException {
    open("/reports?q=banjir&" + PERIOD);
    WebElement button =
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("download-csv")));
    settled();
    screenshot("reports");
    button.click();
    WebElement done =
        waiting()
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".form-status .ok, .form-status .state.error")));
    assertEquals(List.of(), errors(), "the download answered an error");
    String file = done.getAttribute("data-file");
    Path csv = downloads.resolve(file);
    waiting()
        .until(
            d ->
                Files.isRegularFile(csv) && !Files.exists(downloads.resolve(file + ".crdownload")));
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertTrue(lines.size() > 2, "rows: " + lines.size());
    assertTrue(String.join("\n", lines).toLowerCase().contains("banjir"), "the query is recorded");
  }

  @Test
  void theFeedsPageRegistersAFeedAndShowsItsStatus() throws IOException {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    site.serve(
        "/feed-" + tag + ".xml",
        "application/rss+xml; charset=utf-8",
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                + "<title>Warta Nusantara</title><link>"
                + site.uri("/")
                + "</link>"
                + "<description>Berita</description></channel></rss>")
            .getBytes(StandardCharsets.UTF_8));
    open("/feeds?" + PERIOD);
    WebElement url = waiting().until(ExpectedConditions.elementToBeClickable(By.id("feed-url")));
    url.sendKeys(site.uri("/feed-" + tag + ".xml").toString());
    driver.findElement(By.id("feed-source")).sendKeys("wartanusantara.example");
    driver.findElement(By.cssSelector(".feed-form button[type=submit]")).click();
    waiting()
        .until(
            d ->
                d.findElement(By.id("feeds-title")).isDisplayed()
                    && d.getPageSource().contains("feed-" + tag));
    settled();
    assertEquals(List.of(), errors());
    // The table is drawn again when the feed's first fetch ends; read it whole in one poll.
    String table = waiting().until(d -> d.findElement(By.cssSelector("table.feeds")).getText());
    assertTrue(
        table.contains("Warta Nusantara") && table.contains("wartanusantara.example"), table);
    screenshot("feeds");
  }

  @Test
  void aMalformedQueryShowsTheProblemDetail() {
    open("/articles?q=%28banjir&" + PERIOD);
    settled();
    String error = String.join(" ", errors());
    assertTrue(error.contains("400") && error.contains("expected \")\""), error);
    // A 400 answer is an expected outcome here; the browser logs it as a failed resource load.
    driver.manage().logs().get(LogType.BROWSER).getAll();
  }
}

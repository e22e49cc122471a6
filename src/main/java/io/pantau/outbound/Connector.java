package io.pantau.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.HttpException;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.client.methods.HttpRequestBase;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.config.Registry;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.DnsResolver;
import org.apache.http.conn.routing.HttpRoute;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.DefaultHostnameVerifier;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.conn.util.InetAddressUtils;
import org.apache.http.conn.util.PublicSuffixMatcherLoader;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.DefaultHttpRequestRetryHandler;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.protocol.HttpContext;

/**
 * The one place where Pantau opens connections to URLs that users gave it. A request goes to
 * exactly the address that {@link OutboundGuard#check} answered for its URL, never to a fresh
 * lookup of the name: a name that resolves to a public address for the check and to an internal one
 * a moment later (DNS rebinding) still reaches only the address that was checked. The host name
 * keeps naming the server everywhere else: in the Host header, in TLS SNI and in the verification
 * of the server's certificate.
 *
 * <p>Java 17's {@code java.net.http.HttpClient} resolves names itself and cannot be told an
 * address, so this uses Apache HttpClient, which connects to the address of its target when it has
 * one. Name resolution inside it is switched off altogether, so that a request that somehow lost
 * its checked address fails instead of resolving the name again.
 */
final class Connector implements AutoCloseable {
  private static final int MAX_CONNECTIONS = 200;
  private static final int MAX_CONNECTIONS_PER_HOST_AND_ADDRESS = 20;

  /** Idle keep-alive connections are dropped after this, checked or not. */
  private static final Duration KEEP_ALIVE = Duration.ofMinutes(1);

  private static final DnsResolver NO_LOOKUPS =
      host -> {
        throw new UnknownHostException(
            host + ": outbound connections go only to addresses the guard checked");
      };

  // One thread for every deadline of every connector: it only flips a flag and aborts.
  private static final ScheduledExecutorService DEADLINES = deadlines();

  /**
   * One request.
   *
   * @param uri an absolute http or https URL
   * @param headers header names and values to send; Host is derived from the URL
   * @param body the bytes to POST, or null for a GET
   */
  record Request(URI uri, Map<String, String> headers, byte[] body) {}

  /**
   * How long a request may take and how much of its answer is read.
   *
   * @param connectTimeout how long to wait for the TCP connection (and the TLS handshake)
   * @param deadline how long the whole request may take, to the last byte read
   * @param maxBytes the most body bytes read; 0 reads none
   * @param truncate beyond {@code maxBytes}, keep what was read instead of failing
   */
  record Limits(Duration connectTimeout, Duration deadline, long maxBytes, boolean truncate) {}

  /**
   * An answer.
   *
   * @param status the HTTP status
   * @param headers the first value of each header, by name in any case
   * @param body the body as sent (not decompressed), at most {@link Limits#maxBytes()}
   */
  record Answer(int status, Map<String, String> headers, byte[] body) {
    Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name));
    }
  }

  private final CloseableHttpClient client;

  /** Trusts the JVM's default trust store, as java.net.http did. */
  Connector() {
    this(defaultTls());
  }

  /** For tests that need a server certificate of their own trusted. */
  Connector(SSLContext tls) {
    Registry<ConnectionSocketFactory> sockets =
        RegistryBuilder.<ConnectionSocketFactory>create()
            .register("http", PlainConnectionSocketFactory.getSocketFactory())
            .register(
                "https",
                new SSLConnectionSocketFactory(
                    new NamedSockets(tls.getSocketFactory()),
                    new DefaultHostnameVerifier(PublicSuffixMatcherLoader.getDefault())))
            .build();
    PoolingHttpClientConnectionManager pool =
        new PoolingHttpClientConnectionManager(
            sockets, null, null, NO_LOOKUPS, KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
    pool.setMaxTotal(MAX_CONNECTIONS);
    pool.setDefaultMaxPerRoute(MAX_CONNECTIONS_PER_HOST_AND_ADDRESS);
    pool.setValidateAfterInactivity(1000);
    this.client =
        HttpClients.custom()
            .setConnectionManager(pool)
            .setRoutePlanner(Connector::route)
            // Redirects are followed by the callers, each hop through the guard again; the body
            // is decompressed by PageFetcher, which bounds what gzip may inflate to.
            .disableRedirectHandling()
            .disableContentCompression()
            .disableCookieManagement()
            .disableAuthCaching()
            .disableConnectionState()
            // One retry of a GET on a kept-alive connection that the server had closed; a retry
            // goes to the same checked address.
            .setRetryHandler(new DefaultHttpRequestRetryHandler(1, false))
            .build();
  }

  /**
   * Sends one request to the first of {@code checked} and reads its answer; redirects are returned,
   * not followed.
   *
   * @param checked what {@link OutboundGuard#check} answered for {@code request.uri()}
   * @throws FetchException network when there is no complete answer in time or no connection;
   *     tooLarge when the body exceeds the limit and is not to be truncated
   */
  Answer send(Request request, List<InetAddress> checked, Limits limits) {
    URI uri = request.uri();
    if (checked.isEmpty()) {
      throw new FetchException(FetchException.Reason.refused, "no checked address for " + uri);
    }
    HttpRequestBase http = request.body() == null ? new HttpGet(uri) : post(uri, request.body());
    request.headers().forEach(http::setHeader);
    int connectMs = millis(limits.connectTimeout());
    int deadlineMs = millis(limits.deadline());
    http.setConfig(
        RequestConfig.custom()
            .setConnectTimeout(connectMs)
            .setConnectionRequestTimeout(connectMs)
            .setSocketTimeout(deadlineMs)
            .setRedirectsEnabled(false)
            // As given, as java.net.http sent them: normalising could make one URL another.
            .setNormalizeUri(false)
            .build());
    AtomicBoolean expired = new AtomicBoolean();
    ScheduledFuture<?> deadline =
        DEADLINES.schedule(
            () -> {
              expired.set(true);
              http.abort();
            },
            deadlineMs,
            TimeUnit.MILLISECONDS);
    try (CloseableHttpResponse response =
        client.execute(pinned(uri, checked.get(0)), http, HttpClientContext.create())) {
      Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (Header h : response.getAllHeaders()) {
        headers.putIfAbsent(h.getName(), h.getValue());
      }
      byte[] body = read(response.getEntity(), uri, limits);
      return new Answer(
          response.getStatusLine().getStatusCode(), Collections.unmodifiableMap(headers), body);
    } catch (IOException e) {
      if (expired.get() || e instanceof SocketTimeoutException) {
        throw new FetchException(
            FetchException.Reason.network,
            "no complete answer from " + uri + " within " + limits.deadline());
      }
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new FetchException(
          FetchException.Reason.network,
          (request.body() == null ? "could not fetch " : "could not post to ") + uri + ": " + why,
          e);
    } finally {
      deadline.cancel(false);
    }
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      // Closing idle connections: nothing left to do about a failure.
    }
  }

  /**
   * The connection target: the checked address, under the URL's host name so that SNI and the
   * certificate check use the name.
   */
  private static HttpHost pinned(URI uri, InetAddress address) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    return new HttpHost(address, host, port, scheme);
  }

  /** A direct route to the target's own address; refuses a target that has none. */
  private static HttpRoute route(HttpHost target, HttpRequest request, HttpContext context)
      throws HttpException {
    if (target == null || target.getAddress() == null) {
      throw new HttpException("outbound connections go only to addresses the guard checked");
    }
    return new HttpRoute(target, null, "https".equalsIgnoreCase(target.getSchemeName()));
  }

  /**
   * The body up to the limit. A body that ends within it is read to its end, which returns the
   * connection for reuse; one that does not is left unread and its connection closed with the
   * response, so that an endless answer costs no more than the limit.
   */
  private static byte[] read(HttpEntity entity, URI uri, Limits limits) throws IOException {
    long limit = limits.maxBytes();
    if (entity == null || limit <= 0) {
      return new byte[0];
    }
    if (entity.getContentLength() > limit && !limits.truncate()) {
      // Content-Length already says it is too large: do not read a byte of it.
      throw tooLarge(uri, limit);
    }
    InputStream in = entity.getContent();
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    if (bytes.length <= limit) {
      return bytes;
    }
    if (limits.truncate()) {
      return Arrays.copyOf(bytes, (int) limit);
    }
    throw tooLarge(uri, limit);
  }

  private static FetchException tooLarge(URI uri, long limit) {
    return new FetchException(
        FetchException.Reason.tooLarge,
        "the answer is larger than " + limit + " bytes (" + uri + ")");
  }

  private static HttpPost post(URI uri, byte[] body) {
    HttpPost post = new HttpPost(uri);
    post.setEntity(new ByteArrayEntity(body));
    return post;
  }

  private static int millis(Duration d) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
  }

  private static SSLContext defaultTls() {
    try {
      return SSLContext.getDefault();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no default TLS context", e);
    }
  }

  /**
   * Sends SNI for every host name, as java.net.http did: the JDK's sockets leave it out for a name
   * without a dot, such as a single-label intranet host that shares its address with others.
   */
  private static final class NamedSockets extends SSLSocketFactory {
    private final SSLSocketFactory delegate;

    NamedSockets(SSLSocketFactory delegate) {
      this.delegate = delegate;
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose)
        throws IOException {
      SSLSocket socket = (SSLSocket) delegate.createSocket(s, host, port, autoClose);
      if (host != null
          && !InetAddressUtils.isIPv4Address(host)
          && !InetAddressUtils.isIPv6Address(host)) {
        try {
          SSLParameters parameters = socket.getSSLParameters();
          parameters.setServerNames(List.of(new SNIHostName(host)));
          socket.setSSLParameters(parameters);
        } catch (IllegalArgumentException e) {
          // Not a name SNI can carry (e.g. with an underscore): the handshake goes without it.
        }
      }
      return socket;
    }

    @Override
    public String[] getDefaultCipherSuites() {
      return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
      return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket() throws IOException {
      return delegate.createSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress local, int localPort)
        throws IOException {
      return delegate.createSocket(host, port, local, localPort);
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
      return delegate.createSocket(address, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort)
        throws IOException {
      return delegate.createSocket(address, port, local, localPort);
    }
  }

  private static ScheduledExecutorService deadlines() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "pantau-outbound-deadlines");
              t.setDaemon(true);
              return t;
            });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }
}

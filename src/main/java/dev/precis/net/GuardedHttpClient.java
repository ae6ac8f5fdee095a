package dev.precis.net;

import dev.precis.api.ProblemException;
import dev.precis.api.ProblemType;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

import javax.net.ssl.SSLException;
import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * HTTP to servers precis does not control (pages, callbacks), with the address rules of SPEC §10. The host
 * is resolved once, every address it resolves to is checked, and the connection is made to a checked
 * address: Vert.x's {@code RequestOptions.setServer} pins the socket to it while the host name still serves
 * for the {@code Host} header, TLS SNI and certificate verification. So a name cannot pass the check with
 * one address and be connected to at another (DNS rebinding). This is the Vert.x client the Quarkus REST
 * client runs on; neither the REST client's API nor the JDK client lets the connect address be chosen.
 */
public final class GuardedHttpClient implements AutoCloseable {

    private static final Set<String> SCHEMES = Set.of("http", "https");

    private final Supplier<Vertx> vertx;
    private final AddressPolicy policy;
    private final Set<Integer> ports;
    private final Duration connectTimeout;
    private final String userAgent;
    private final ExecutorService resolver = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "precis-dns");
        thread.setDaemon(true);
        return thread;
    });
    private volatile HttpClient client;

    /**
     * @param vertx          the Vert.x instance to run on, asked for on the first request only
     * @param allowHosts     host names, addresses and CIDR blocks exempt from the address and port checks
     * @param ports          the ports a URL may name
     */
    public GuardedHttpClient(Supplier<Vertx> vertx, List<String> allowHosts, Set<Integer> ports, Duration connectTimeout,
                             String userAgent) {
        this.vertx = vertx;
        this.policy = new AddressPolicy(allowHosts);
        this.ports = Set.copyOf(ports);
        this.connectTimeout = connectTimeout;
        this.userAgent = userAgent;
    }

    /**
     * Sends one request (redirects are not followed: the caller decides, and checks the next address again).
     *
     * @throws ProblemException {@code forbidden-address} (400) for a refused address, scheme or port,
     *                          {@code fetch-failed} (502) when the server cannot be reached, {@code timeout} (504)
     */
    public OutboundResponse send(OutboundRequest request, Deadline deadline) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("outbound HTTP blocks; it must not run on an event-loop thread");
        }
        Target target = target(request.uri(), deadline);
        ProblemException failure = null;
        for (InetAddress address : target.addresses()) {
            try {
                return exchange(request, target, address, deadline);
            } catch (ConnectFailure e) {
                failure = e.problem;
            }
        }
        throw failure;
    }

    private Target target(URI uri, Deadline deadline) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            throw forbidden("Only http and https URLs are fetched.");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST.problem("The URL has no host name precis can read."));
        }
        if (uri.getRawUserInfo() != null) {
            throw new ProblemException(ProblemType.INVALID_REQUEST.problem("URLs with a user name or password are not fetched."));
        }
        boolean ssl = scheme.equals("https");
        int port = uri.getPort() < 0 ? (ssl ? 443 : 80) : uri.getPort();
        String bareHost = AddressPolicy.stripBrackets(host);
        boolean trustedName = policy.isAllowedName(bareHost);
        List<InetAddress> addresses = IpLiterals.parse(bareHost).map(List::of).orElseGet(() -> resolve(bareHost, deadline));
        boolean allTrusted = trustedName;
        if (!trustedName) {
            allTrusted = true;
            for (InetAddress address : addresses) {
                if (policy.isAllowedAddress(address)) {
                    continue;
                }
                allTrusted = false;
                Optional<String> refusal = AddressPolicy.refusal(address);
                if (refusal.isPresent()) {
                    throw forbidden("The host " + shown(bareHost) + " is " + refusal.get()
                            + "; precis does not connect to private, loopback or link-local addresses.");
                }
            }
        }
        if (!allTrusted && !ports.contains(port)) {
            throw forbidden("Port " + port + " is not allowed; URLs may use ports " + ports.stream().sorted().toList() + ".");
        }
        // The request line is ASCII: characters outside it in a path or query are sent percent-encoded.
        URI ascii = URI.create(uri.toASCIIString());
        String path = ascii.getRawPath() == null || ascii.getRawPath().isEmpty() ? "/" : ascii.getRawPath();
        String pathAndQuery = ascii.getRawQuery() == null ? path : path + "?" + ascii.getRawQuery();
        return new Target(bareHost, port, ssl, pathAndQuery, addresses);
    }

    private List<InetAddress> resolve(String host, Deadline deadline) {
        CompletableFuture<InetAddress[]> lookup = CompletableFuture.supplyAsync(() -> {
            try {
                return InetAddress.getAllByName(host);
            } catch (UnknownHostException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, resolver);
        try {
            return List.of(lookup.get(deadline.remainingMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            throw timeout("The name " + shown(host) + " could not be resolved in time.");
        } catch (ExecutionException e) {
            throw new ProblemException(ProblemType.FETCH_FAILED.problem("The name " + shown(host) + " could not be resolved."));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw timeout("Interrupted while resolving " + shown(host) + ".");
        }
    }

    private OutboundResponse exchange(OutboundRequest request, Target target, InetAddress address, Deadline deadline) {
        long remaining = Math.max(1, deadline.remainingMillis());
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(request.method()))
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(address, target.port())))
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.ssl())
                .setURI(target.pathAndQuery())
                .setConnectTimeout(Math.min(connectTimeout.toMillis(), remaining))
                .setIdleTimeout(remaining)
                .setFollowRedirects(false);
        options.putHeader("User-Agent", userAgent);
        request.headers().forEach(options::putHeader);
        CompletableFuture<OutboundResponse> result = new CompletableFuture<>();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        client().request(options).onComplete(created -> {
            if (created.failed()) {
                result.completeExceptionally(created.cause());
                return;
            }
            HttpClientRequest httpRequest = created.result();
            sent.set(httpRequest);
            (request.body() == null ? httpRequest.send() : httpRequest.send(Buffer.buffer(request.body())))
                    .onFailure(result::completeExceptionally)
                    .onSuccess(response -> read(response, request, result));
        });
        try {
            return result.get(remaining, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reset(sent.get());
            throw timeout(shown(target.host()) + " did not answer within the time allowed.");
        } catch (ExecutionException e) {
            reset(sent.get());
            throw failure(e.getCause(), target);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reset(sent.get());
            throw timeout("Interrupted while waiting for " + shown(target.host()) + ".");
        }
    }

    private static void read(HttpClientResponse response, OutboundRequest request, CompletableFuture<OutboundResponse> result) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.headers().forEach(header -> headers.computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT),
                name -> new ArrayList<>()).add(header.getValue()));
        response.handler(chunk -> {
            if (result.isDone()) {
                return;
            }
            long room = request.maxResponseBytes() - body.size();
            if (chunk.length() > room) {
                body.write(chunk.getBytes(), 0, (int) room);
                result.complete(new OutboundResponse(response.statusCode(), headers, body.toByteArray(), true));
                response.request().reset();
            } else {
                body.write(chunk.getBytes(), 0, chunk.length());
            }
        });
        response.endHandler(done -> result.complete(
                new OutboundResponse(response.statusCode(), headers, body.toByteArray(), false)));
        response.exceptionHandler(result::completeExceptionally);
    }

    private static void reset(HttpClientRequest request) {
        if (request != null) {
            request.reset();
        }
    }

    /** Maps a transport failure to the problem the caller sees; connection failures let the next address be tried. */
    private RuntimeException failure(Throwable cause, Target target) {
        String where = shown(target.host()) + (target.port() == 80 || target.port() == 443 ? "" : ":" + target.port());
        if (cause instanceof ConnectTimeoutException) {
            return new ConnectFailure(timeout("Connecting to " + where + " timed out."));
        }
        if (cause instanceof ConnectException) {
            return new ConnectFailure(new ProblemException(ProblemType.FETCH_FAILED.problem("Could not connect to " + where + ".")));
        }
        if (cause instanceof SSLException || cause != null && cause.getCause() instanceof SSLException) {
            return new ProblemException(ProblemType.FETCH_FAILED.problem("The TLS handshake with " + where
                    + " failed (its certificate is not trusted or does not name the host)."));
        }
        if (cause instanceof io.netty.handler.timeout.TimeoutException || cause instanceof TimeoutException
                || cause instanceof io.vertx.core.impl.NoStackTraceTimeoutException) {
            return timeout(where + " stopped sending before the response was complete.");
        }
        return new ProblemException(ProblemType.FETCH_FAILED.problem("The exchange with " + where + " failed ("
                + (cause == null ? "unknown error" : cause.getClass().getSimpleName()) + ")."));
    }

    private HttpClient client() {
        HttpClient current = client;
        if (current == null) {
            synchronized (this) {
                current = client;
                if (current == null) {
                    current = vertx.get().createHttpClient(new HttpClientOptions()
                            .setName("precis-outbound")
                            .setProtocolVersion(HttpVersion.HTTP_1_1)
                            // One connection per exchange: each exchange is pinned to an address checked for it.
                            .setKeepAlive(false)
                            .setVerifyHost(true)
                            .setTrustAll(false)
                            .setForceSni(true)
                            .setDecompressionSupported(false)
                            .setMaxHeaderSize(64 * 1024)
                            .setMaxInitialLineLength(16 * 1024)
                            .setMaxPoolSize(16));
                    client = current;
                }
            }
        }
        return current;
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN_ADDRESS.problem(detail));
    }

    private static ProblemException timeout(String detail) {
        return new ProblemException(ProblemType.TIMEOUT.problem(detail));
    }

    private static String shown(String host) {
        return Printable.of(host, 80);
    }

    @Override
    public void close() {
        resolver.shutdownNow();
        HttpClient current = client;
        if (current != null) {
            current.close();
        }
    }

    private record Target(String host, int port, boolean ssl, String pathAndQuery, List<InetAddress> addresses) {
    }

    /** A connection that never opened: the next checked address of the host may be tried. */
    private static final class ConnectFailure extends RuntimeException {
        private final transient ProblemException problem;

        ConnectFailure(ProblemException problem) {
            super(problem.getMessage(), null, false, false);
            this.problem = problem;
        }
    }
}

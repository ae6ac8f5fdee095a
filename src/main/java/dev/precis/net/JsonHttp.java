package dev.precis.net;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.api.Json;
import dev.precis.api.ProblemException;
import dev.precis.api.ProblemType;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * JSON over HTTP to the APIs a deployment configures (CMS read, management and admin APIs), through the
 * Quarkus REST client's JAX-RS client. Those base URLs are the operator's choice, so they are not held to
 * the public-address rule that guards URLs a caller sends. Bodies are read as text and parsed here, so the
 * same code runs in Lambda, on the command line and in plain tests.
 */
public final class JsonHttp implements AutoCloseable {

    /** What an API answered; {@code json} is null when the body was empty or not JSON. */
    public record Reply(int status, JsonNode json, String retryAfter) {

        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }
    }

    private final Client client;
    private final String userAgent;

    public JsonHttp(Duration connectTimeout, Duration readTimeout, String userAgent) {
        this.client = ClientBuilder.newBuilder()
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .build();
        this.userAgent = userAgent;
    }

    public Reply get(URI uri, Map<String, String> headers) {
        return send("GET", uri, headers, null);
    }

    /**
     * Sends one request and reads the answer, whatever its status.
     *
     * @throws ProblemException 502 {@code fetch-failed} when the server cannot be reached, 504 {@code timeout}
     */
    public Reply send(String method, URI uri, Map<String, String> headers, JsonNode body) {
        Invocation.Builder request = client.target(uri).request(MediaType.APPLICATION_JSON_TYPE)
                .header("User-Agent", userAgent);
        MediaType type = MediaType.APPLICATION_JSON_TYPE;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase("Content-Type")) {
                type = MediaType.valueOf(header.getValue());
            } else {
                request.header(header.getKey(), header.getValue());
            }
        }
        try (Response response = body == null ? request.method(method)
                : request.method(method, Entity.entity(Json.write(body), type))) {
            String text = response.hasEntity() ? response.readEntity(String.class) : "";
            return new Reply(response.getStatus(), parse(text), response.getHeaderString("Retry-After"));
        } catch (ProcessingException e) {
            throw unreachable(uri, e);
        }
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static ProblemException unreachable(URI uri, ProcessingException e) {
        String host = uri.getHost() == null ? "the server" : uri.getHost();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException
                    || cause instanceof io.netty.channel.ConnectTimeoutException
                    || cause.getClass().getSimpleName().contains("Timeout")) {
                return new ProblemException(ProblemType.TIMEOUT.problem(host + " did not answer in time."));
            }
        }
        return new ProblemException(ProblemType.FETCH_FAILED.problem("Could not reach " + host + "."));
    }

    @Override
    public void close() {
        client.close();
    }
}

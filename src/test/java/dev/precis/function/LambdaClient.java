package dev.precis.function;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.api.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Invokes the function the way Lambda does, through Quarkus' mock event server (test port 8081). */
final class LambdaClient {

    private static final URI EVENTS = URI.create("http://localhost:8081/_lambda_");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private LambdaClient() {
    }

    static JsonNode invoke(String event) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(EVENTS)
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("the function failed instead of answering: " + response.statusCode() + " " + response.body());
            }
            return Json.parse(response.body());
        } catch (IOException e) {
            throw new AssertionError("mock event server unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static JsonNode invoke(JsonNode event) {
        return invoke(Json.write(event));
    }
}

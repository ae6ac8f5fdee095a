package dev.precis.function;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.api.ArticleRequestReader;
import dev.precis.api.Json;
import dev.precis.api.RequestLimits;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The published OpenAPI document describes exactly the routes and methods the adapter serves. */
class OpenApiDocumentTest {

    @Test
    void documentMatchesTheRouteTable() throws IOException {
        JsonNode document;
        try (InputStream in = getClass().getResourceAsStream("/openapi/precis.openapi.json")) {
            document = Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Map<String, Set<String>> routes = EventDispatcher.routes(Services.forRequests(new ArticleRequestReader(RequestLimits.defaults()),
                null, null, "test")).table();
        Set<String> documented = new HashSet<>();
        document.get("paths").fieldNames().forEachRemaining(documented::add);
        assertThat(documented).isEqualTo(routes.keySet());
        routes.forEach((path, methods) -> {
            Set<String> documentedMethods = new HashSet<>();
            document.get("paths").get(path).fieldNames().forEachRemaining(m -> documentedMethods.add(m.toUpperCase(Locale.ROOT)));
            assertThat(documentedMethods).as(path).isEqualTo(methods);
        });
        Set<String> queryParameters = new HashSet<>();
        document.get("paths").get("/v1/briefs").get("post").get("parameters")
                .forEach(p -> queryParameters.add(p.get("name").asText()));
        assertThat(queryParameters).containsAll(ArticleRequestReader.OPTION_FIELDS);
    }
}

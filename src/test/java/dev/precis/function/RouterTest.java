package dev.precis.function;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.precis.api.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RouterTest {

    private final Router router = new Router()
            .add("GET", "/v1/health", (request, parameters) -> HttpResponse.noContent())
            .add("POST", "/v1/webhooks/{cms}", (request, parameters) -> HttpResponse.json(202,
                    JsonNodeFactory.instance.objectNode().put("cms", parameters.get("cms"))).withHeader("retry-after", "5"));

    private static HttpRequest request(String method, String path, Map<String, String> pathParameters) {
        return new HttpRequest(method, path, path, Map.of(), Map.of(), pathParameters, null);
    }

    @Test
    void pathParametersComeFromTheConcretePath() {
        HttpResponse response = router.route(request("POST", "/v1/webhooks/ghost", Map.of()));
        assertThat(response.status()).isEqualTo(202);
        assertThat(response.body().get("cms").asText()).isEqualTo("ghost");
        assertThat(response.headers()).containsEntry("retry-after", "5");
    }

    @Test
    void orFromApiGatewayWhenItsRouteKeyNamesTheTemplate() {
        HttpResponse response = router.route(request("POST", "/v1/webhooks/{cms}", Map.of("cms", "strapi")));
        assertThat(response.body().get("cms").asText()).isEqualTo("strapi");
    }

    @Test
    void anyStatusWithoutABodyIsAnswered() {
        HttpResponse response = router.route(request("GET", "/v1/health", Map.of()));
        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body()).isNull();
    }

    @Test
    void aKnownPathWithAnotherMethodIs405WithAllow() {
        HttpResponse response = router.route(request("DELETE", "/v1/webhooks/ghost", Map.of()));
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.headers()).containsEntry("allow", "POST");
    }

    @Test
    void unknownPathsAndEmptyParametersAre404() {
        assertThat(catchThrowableOfType(ProblemException.class,
                () -> router.route(request("POST", "/v1/webhooks/", Map.of()))).problem().status()).isEqualTo(404);
        assertThat(catchThrowableOfType(ProblemException.class,
                () -> router.route(request("POST", "/v1/webhooks/ghost/extra", Map.of()))).problem().status()).isEqualTo(404);
    }
}

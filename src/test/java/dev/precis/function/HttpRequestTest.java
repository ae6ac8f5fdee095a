package dev.precis.function;

import dev.precis.api.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HttpRequestTest {

    @Test
    void aRestApiQueryIsRebuiltAsTheSenderWroteIt() {
        assertThat(HttpRequest.component("spring ferry (north)!~*")).isEqualTo("spring%20ferry%20(north)!~*");
        HttpRequest request = HttpRequest.fromApiGateway(Json.parse("""
                {"resource":"/v1/webhooks/{cms}","path":"/v1/webhooks/contentful","httpMethod":"POST","headers":{},
                 "queryStringParameters":{"tag":"b","q":"harbour news"},
                 "multiValueQueryStringParameters":{"tag":["a","b"],"q":["harbour news"]},
                 "pathParameters":{"cms":"contentful"},"requestContext":{"path":"/prod/v1/webhooks/contentful","stage":"prod"},
                 "body":"{}","isBase64Encoded":false}"""));
        assertThat(request.target()).isEqualTo("/prod/v1/webhooks/contentful?tag=a&tag=b&q=harbour%20news");
    }
}

package dev.precis.function;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static dev.precis.function.LambdaClient.invoke;
import static org.assertj.core.api.Assertions.assertThat;

/** Event kinds the function does not take get a clear problem naming the kind. */
@QuarkusTest
class OtherEventsTest {

    @Test
    void eventBridgeEventsOtherThanSchedulesAreNotSupported() {
        JsonNode problem = invoke("""
                {"version":"0","id":"e1","detail-type":"Object Created","source":"aws.s3","account":"123456789012",
                 "time":"2026-11-28T00:00:00Z","region":"eu-west-1","resources":[],"detail":{}}""");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asText()).contains("EventBridge");
    }

    @Test
    void snsIsNotSupported() {
        JsonNode problem = invoke("{\"Records\":[{\"EventSource\":\"aws:sns\",\"Sns\":{\"Message\":\"x\"}}]}");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asText()).contains("SNS");
    }
}

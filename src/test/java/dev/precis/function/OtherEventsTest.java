package dev.precis.function;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static dev.precis.function.LambdaClient.invoke;
import static org.assertj.core.api.Assertions.assertThat;

/** Event kinds this version only recognizes: they get a clear problem, and SQS loses no message. */
@QuarkusTest
class OtherEventsTest {

    @Test
    void eventBridgeScheduleIsRecognizedButNotSupportedYet() {
        JsonNode problem = invoke("""
                {"version":"0","id":"e1","detail-type":"Scheduled Event","source":"aws.events","account":"123456789012",
                 "time":"2026-11-28T00:00:00Z","region":"eu-west-1","resources":[],"detail":{}}""");
        assertThat(problem.get("status").asInt()).isEqualTo(501);
        assertThat(problem.get("detail").asText()).contains("EventBridge");
    }

    @Test
    void sqsBatchesReportEveryMessageAsFailedSoNoneIsLost() {
        JsonNode answer = invoke("""
                {"Records":[{"messageId":"m-1","body":"{}","eventSource":"aws:sqs"},
                            {"messageId":"m-2","body":"{}","eventSource":"aws:sqs"}]}""");
        assertThat(answer.get("status").asInt()).isEqualTo(501);
        assertThat(answer.get("batchItemFailures").findValuesAsText("itemIdentifier")).containsExactly("m-1", "m-2");
    }

    @Test
    void snsIsNotSupported() {
        JsonNode problem = invoke("{\"Records\":[{\"EventSource\":\"aws:sns\",\"Sns\":{\"Message\":\"x\"}}]}");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asText()).contains("SNS");
    }
}

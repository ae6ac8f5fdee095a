package dev.precis.deliver.queue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.api.Json;
import dev.precis.api.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqsJobQueueTest {

    private SqsEndpoint endpoint;
    private SqsJobQueue queue;

    @BeforeEach
    void start() {
        endpoint = new SqsEndpoint();
        SqsClient client = SqsClient.builder().endpointOverride(URI.create(endpoint.url())).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        queue = new SqsJobQueue(client, endpoint.queueUrl());
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    private static List<JsonNode> jobs(int count, String word) {
        List<JsonNode> jobs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            jobs.add(Json.parse("{\"request\":{\"id\":\"j" + i + "\",\"body\":\"" + word + " " + i + "\"}}"));
        }
        return jobs;
    }

    @Test
    void jobsGoTenToABatchAndTheIdsComeBackInOrder() {
        List<String> ids = queue.send(jobs(23, "story"));
        assertThat(endpoint.batches()).extracting(List::size).containsExactly(10, 10, 3);
        assertThat(ids).hasSize(23).startsWith("msg-0-0", "msg-0-1").endsWith("msg-2-22");
        assertThat(endpoint.messages().get(22).get("request").get("id").asText()).isEqualTo("j22");
    }

    @Test
    void aMessageSqsRefusesFailsTheSendWithoutEchoingTheBody() {
        assertThatThrownBy(() -> queue.send(jobs(2, "refuse-me")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().detail())
                        .contains("InvalidMessageContents").doesNotContain("refuse-me"));
    }
}

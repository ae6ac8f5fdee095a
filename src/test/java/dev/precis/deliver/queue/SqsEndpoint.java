package dev.precis.deliver.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.precis.api.Json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * SQS's JSON protocol served by WireMock: it answers SendMessageBatch as SQS does, with a message id and the
 * MD5 of each body (the SDK checks it), and keeps every batch it received. Bodies containing {@code refuse-me}
 * are answered as failed entries, the way SQS reports a message it would not take.
 */
public final class SqsEndpoint implements AutoCloseable {

    public static final String QUEUE_PATH = "/123456789012/precis-jobs";

    private final List<List<JsonNode>> batches = new CopyOnWriteArrayList<>();
    private final WireMockServer server;

    public SqsEndpoint() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(new BatchAnswer()));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers("sqs-batch")));
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public String queueUrl() {
        return url() + QUEUE_PATH;
    }

    /** Each SendMessageBatch received, as its message bodies parsed. */
    public List<List<JsonNode>> batches() {
        return batches;
    }

    public List<JsonNode> messages() {
        return batches.stream().flatMap(List::stream).toList();
    }

    /** Points the AWS SDK's default chains (endpoint, region, credentials) at this server, as the SDK documents. */
    public void becomeTheSdkDefault() {
        System.setProperty("aws.endpointUrlSqs", url());
        System.setProperty("aws.region", "eu-west-1");
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "test-secret-key");
    }

    @Override
    public void close() {
        for (String key : List.of("aws.endpointUrlSqs", "aws.region", "aws.accessKeyId", "aws.secretAccessKey")) {
            System.clearProperty(key);
        }
        server.stop();
    }

    private final class BatchAnswer implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent event) {
            String target = event.getRequest().getHeader("X-Amz-Target");
            if (!"AmazonSQS.SendMessageBatch".equals(target)) {
                return aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.0")
                        .withBody("{\"__type\":\"com.amazonaws.sqs#InvalidAction\",\"message\":\"not served here\"}").build();
            }
            JsonNode request = Json.parse(event.getRequest().getBodyAsString());
            ObjectNode answer = Json.MAPPER.createObjectNode();
            ArrayNode successful = answer.putArray("Successful");
            ArrayNode failed = answer.putArray("Failed");
            List<JsonNode> received = new ArrayList<>();
            for (JsonNode entry : request.get("Entries")) {
                String body = entry.get("MessageBody").asText();
                if (body.contains("refuse-me")) {
                    failed.addObject().put("Id", entry.get("Id").asText()).put("Code", "InvalidMessageContents")
                            .put("SenderFault", true).put("Message", "refused");
                    continue;
                }
                received.add(Json.parse(body));
                successful.addObject().put("Id", entry.get("Id").asText())
                        .put("MessageId", "msg-" + batches.size() + "-" + entry.get("Id").asText()).put("MD5OfMessageBody", md5(body));
            }
            batches.add(received);
            return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0")
                    .withBody(Json.write(answer)).build();
        }

        @Override
        public String getName() {
            return "sqs-batch";
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }
    }

    private static String md5(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

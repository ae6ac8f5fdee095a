package dev.precis.function;

import com.fasterxml.jackson.databind.JsonNode;

/** The kinds of event the function can be invoked with, recognized from the event's shape (SPEC §5). */
public enum EventKind {
    DIRECT("direct invocation"),
    API_GATEWAY_V2("API Gateway HTTP API (payload 2.0)"),
    API_GATEWAY_V1("API Gateway REST API proxy (payload 1.0)"),
    EVENTBRIDGE("EventBridge event"),
    SWEEP("scheduled sweep"),
    BATCH("Step Functions batch"),
    SQS("SQS batch"),
    SNS("SNS notification"),
    S3("S3 notification"),
    UNKNOWN_RECORDS("records of an unsupported event source"),
    NOT_AN_OBJECT("a JSON value that is not an object");

    private final String description;

    EventKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public static EventKind of(JsonNode event) {
        if (event == null || !event.isObject()) {
            return NOT_AN_OBJECT;
        }
        if (event.has("requestContext")) {
            return "2.0".equals(event.path("version").asText()) ? API_GATEWAY_V2 : API_GATEWAY_V1;
        }
        if (event.path("sweep").isObject()) {
            return SWEEP;
        }
        if (event.path("Items").isArray()) {
            return BATCH;
        }
        if (event.has("detail-type") && event.has("source")) {
            return "Scheduled Event".equals(event.path("detail-type").asText()) ? SWEEP : EVENTBRIDGE;
        }
        JsonNode records = event.get("Records");
        if (records != null && records.isArray()) {
            JsonNode first = records.path(0);
            String source = first.has("eventSource") ? first.path("eventSource").asText() : first.path("EventSource").asText();
            return switch (source) {
                case "aws:sqs" -> SQS;
                case "aws:sns" -> SNS;
                case "aws:s3" -> S3;
                default -> UNKNOWN_RECORDS;
            };
        }
        return DIRECT;
    }
}

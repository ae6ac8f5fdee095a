package dev.precis.engine.llm;

import com.fasterxml.jackson.databind.JsonNode;

/** What the model answered (the JSON it wrote) and what the call cost. */
public record LlmReply(JsonNode output, String model, int inputTokens, int outputTokens) {
}

package dev.precis.engine.llm;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One call: the instructions, the article as data, and the JSON Schema the answer must follow.
 *
 * @param schemaName what the schema is called where a provider names it (a tool, a response format)
 */
public record LlmRequest(String system, String user, ObjectNode schema, String schemaName) {
}

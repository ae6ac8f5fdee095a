package dev.precis.engine.llm;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One call: the instructions, the article as data, and the JSON Schema the answer must follow.
 *
 * @param schemaName what the schema is called where a provider names it (a tool, a response format)
 * @param attempt    0 for the first ask, 1 when an answer that did not follow the schema is asked for again
 */
public record LlmRequest(String system, String user, ObjectNode schema, String schemaName, int attempt) {

    public LlmRequest again() {
        return new LlmRequest(system, user, schema, schemaName, attempt + 1);
    }
}

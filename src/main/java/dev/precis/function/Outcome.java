package dev.precis.function;

import com.fasterxml.jackson.databind.JsonNode;

/** What the function answers for one event, with the status it stands for (for logs and the CLI). */
public record Outcome(JsonNode response, int status) {
}

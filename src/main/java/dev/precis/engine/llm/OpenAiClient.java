package dev.precis.engine.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.api.Json;
import dev.precis.api.ProblemException;
import dev.precis.api.ProblemType;
import dev.precis.net.JsonHttp;
import dev.precis.net.RetryAfter;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The chat-completions API that OpenAI, Azure OpenAI, Ollama, vLLM, LM Studio and llama.cpp all serve:
 * {@code POST <base-url>/chat/completions} with {@code Authorization: Bearer <key>}. The answer's shape is
 * asked for with {@code response_format} and a JSON Schema; a server that refuses that (400) is asked again
 * with plain JSON mode, then with the schema in the prompt only, and remembered, so it is asked the way it
 * understands from then on. The answer is validated either way.
 */
public final class OpenAiClient implements LlmClient {

    private static final Logger LOG = Logger.getLogger(OpenAiClient.class);
    private static final String[] FORMAT_NAMES = {"a JSON Schema response format", "JSON mode", "the schema in the prompt"};
    private static final List<String> UNSUPPORTED = List.of("not supported", "unsupported", "unknown", "unrecognized",
            "not available", "not allowed", "extra inputs are not permitted", "invalid type");
    private static final int SCHEMA_FORMAT = 0;
    private static final int JSON_MODE = 1;
    private static final int PROMPT_ONLY = 2;

    private final JsonHttp http;
    private final URI endpoint;
    private final String model;
    private final Supplier<String> apiKey;
    private final double temperature;
    private final AtomicInteger format = new AtomicInteger(SCHEMA_FORMAT);

    public OpenAiClient(JsonHttp http, URI baseUrl, String model, Supplier<String> apiKey, double temperature) {
        this.http = http;
        String base = baseUrl.toString().replaceAll("/+$", "");
        this.endpoint = URI.create(base + "/chat/completions");
        this.model = model;
        this.apiKey = apiKey;
        this.temperature = temperature;
    }

    @Override
    public LlmReply complete(LlmRequest request, Duration timeout) {
        while (true) {
            int asked = format.get();
            JsonHttp.Reply reply;
            try {
                reply = http.send("POST", endpoint, headers(), body(request, asked));
            } catch (ProblemException e) {
                throw e.problem().status() == ProblemType.TIMEOUT.status()
                        ? new LlmException(LlmException.Kind.TIMEOUT, "the LLM server did not answer in time")
                        : new LlmException(LlmException.Kind.UNAVAILABLE, "the LLM server could not be reached");
            }
            if (reply.status() == 400 && asked < PROMPT_ONLY && formatNotSupported(reply.json())) {
                if (format.compareAndSet(asked, asked + 1)) {
                    LOG.warnf("the LLM server does not take %s; asking with %s from now on", FORMAT_NAMES[asked], FORMAT_NAMES[asked + 1]);
                }
                continue;
            }
            return answer(reply);
        }
    }

    private Map<String, String> headers() {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        String key = apiKey == null ? null : apiKey.get();
        if (key != null && !key.isBlank()) {
            headers.put("Authorization", "Bearer " + key.strip());
        }
        return headers;
    }

    private ObjectNode body(LlmRequest request, int asked) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("model", model);
        body.put("temperature", temperature);
        var messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", request.system());
        messages.addObject().put("role", "user").put("content", request.user());
        if (asked == SCHEMA_FORMAT) {
            ObjectNode format = body.putObject("response_format").put("type", "json_schema");
            format.putObject("json_schema").put("name", request.schemaName()).put("strict", true).set("schema", request.schema());
        } else if (asked == JSON_MODE) {
            body.putObject("response_format").put("type", "json_object");
        }
        return body;
    }

    /**
     * Whether a 400 says the server does not support the response format (older or local servers), as opposed
     * to objecting to something in it, which asking another way would only hide.
     */
    private static boolean formatNotSupported(JsonNode error) {
        String text = error == null ? "" : error.toString().toLowerCase(java.util.Locale.ROOT);
        boolean aboutFormat = text.contains("response_format") || text.contains("json_schema") || text.contains("json_object");
        return aboutFormat && UNSUPPORTED.stream().anyMatch(text::contains);
    }

    private LlmReply answer(JsonHttp.Reply reply) {
        int status = reply.status();
        if (status == 429 || status >= 500) {
            throw new LlmException(LlmException.Kind.UNAVAILABLE, "the LLM server answered HTTP " + status,
                    RetryAfter.parse(reply.retryAfter(), java.time.Instant.now()).orElse(null));
        }
        if (!reply.isSuccess()) {
            throw new LlmException(LlmException.Kind.REFUSED, "the LLM server refused the request (HTTP " + status + ")");
        }
        JsonNode choice = reply.json() == null ? null : reply.json().path("choices").path(0);
        if (choice == null || choice.isMissingNode()) {
            throw new LlmException(LlmException.Kind.MALFORMED, "the LLM server's answer has no choices");
        }
        if ("length".equals(choice.path("finish_reason").asText())) {
            throw new LlmException(LlmException.Kind.MALFORMED, "the LLM's answer was cut off at its token limit");
        }
        JsonNode output = parseContent(choice.path("message").path("content").asText(""));
        JsonNode usage = reply.json().path("usage");
        return new LlmReply(output, reply.json().path("model").asText(model), usage.path("prompt_tokens").asInt(0),
                usage.path("completion_tokens").asInt(0));
    }

    /** The JSON the model wrote, also when a server that was not held to a format wrapped it in a code fence. */
    private static JsonNode parseContent(String content) {
        String text = content.strip();
        if (text.startsWith("```")) {
            text = text.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("\\s*```$", "");
        }
        try {
            JsonNode output = Json.MAPPER.readTree(text);
            if (output == null || !output.isObject()) {
                throw new LlmException(LlmException.Kind.MALFORMED, "the LLM's answer is not a JSON object");
            }
            return output;
        } catch (JsonProcessingException e) {
            throw new LlmException(LlmException.Kind.MALFORMED, "the LLM's answer is not valid JSON");
        }
    }
}

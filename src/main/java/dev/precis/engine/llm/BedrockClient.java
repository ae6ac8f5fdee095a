package dev.precis.engine.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.api.Json;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Amazon Bedrock's Converse API, which speaks to every model Bedrock hosts the same way. The answer's shape
 * is asked for as the one tool the model must call, whose input schema is the brief's; the tool's input is
 * the answer. The SDK signs with the function's role; its own retries are off, the caller retries.
 */
public final class BedrockClient implements LlmClient {

    private static final int MAX_OUTPUT_TOKENS = 2_048;

    private final BedrockRuntimeClient bedrock;
    private final String model;
    private final double temperature;

    public BedrockClient(BedrockRuntimeClient bedrock, String model, double temperature) {
        this.bedrock = bedrock;
        this.model = model;
        this.temperature = temperature;
    }

    @Override
    public LlmReply complete(LlmRequest request, Duration timeout) {
        ConverseResponse response;
        try {
            response = bedrock.converse(converse -> converse
                    .modelId(model)
                    .system(SystemContentBlock.fromText(request.system()))
                    .messages(message -> message.role(ConversationRole.USER).content(ContentBlock.fromText(request.user())))
                    .inferenceConfig(inference -> inference.temperature((float) temperature).maxTokens(MAX_OUTPUT_TOKENS))
                    .toolConfig(tools -> tools
                            .tools(Tool.fromToolSpec(ToolSpecification.builder().name(request.schemaName())
                                    .description("Record the brief of the article.")
                                    .inputSchema(ToolInputSchema.fromJson(document(request.schema()))).build()))
                            .toolChoice(choice -> choice.tool(tool -> tool.name(request.schemaName()))))
                    .overrideConfiguration(config -> config.apiCallTimeout(timeout)));
        } catch (ApiCallTimeoutException | ApiCallAttemptTimeoutException e) {
            throw new LlmException(LlmException.Kind.TIMEOUT, "Bedrock did not answer in time");
        } catch (BedrockRuntimeException e) {
            int status = e.statusCode();
            if (status == 408) {
                throw new LlmException(LlmException.Kind.TIMEOUT, "the model did not answer in time");
            }
            // 424 is the model failing to produce an answer this time (ModelErrorException): worth another try.
            if (status == 429 || status == 424 || status >= 500) {
                throw new LlmException(LlmException.Kind.UNAVAILABLE, "Bedrock answered HTTP " + status);
            }
            throw new LlmException(LlmException.Kind.REFUSED, "Bedrock refused the request (HTTP " + status + ")");
        } catch (SdkClientException e) {
            boolean timedOut = e.getCause() != null && e.getCause().getClass().getSimpleName().contains("Timeout");
            throw new LlmException(timedOut ? LlmException.Kind.TIMEOUT : LlmException.Kind.UNAVAILABLE,
                    timedOut ? "Bedrock did not answer in time" : "Bedrock could not be reached");
        }
        if (response.stopReason() == StopReason.MAX_TOKENS) {
            throw new LlmException(LlmException.Kind.MALFORMED, "the model's answer was cut off at its token limit");
        }
        JsonNode output = null;
        for (ContentBlock block : response.output().message().content()) {
            if (block.toolUse() != null && block.toolUse().input() != null) {
                output = json(block.toolUse().input());
            }
        }
        if (output == null || !output.isObject()) {
            throw new LlmException(LlmException.Kind.MALFORMED, "the model did not record the brief");
        }
        int input = response.usage() == null || response.usage().inputTokens() == null ? 0 : response.usage().inputTokens();
        int written = response.usage() == null || response.usage().outputTokens() == null ? 0 : response.usage().outputTokens();
        return new LlmReply(output, model, input, written);
    }

    static Document document(JsonNode node) {
        if (node.isObject()) {
            Map<String, Document> fields = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                fields.put(field.getKey(), document(field.getValue()));
            }
            return Document.fromMap(fields);
        }
        if (node.isArray()) {
            List<Document> items = new ArrayList<>();
            node.forEach(item -> items.add(document(item)));
            return Document.fromList(items);
        }
        if (node.isNumber()) {
            return Document.fromNumber(node.decimalValue());
        }
        if (node.isBoolean()) {
            return Document.fromBoolean(node.booleanValue());
        }
        return node.isNull() ? Document.fromNull() : Document.fromString(node.asText());
    }

    static JsonNode json(Document document) {
        if (document.isMap()) {
            ObjectNode object = Json.MAPPER.createObjectNode();
            document.asMap().forEach((key, value) -> object.set(key, json(value)));
            return object;
        }
        if (document.isList()) {
            ArrayNode array = Json.MAPPER.createArrayNode();
            document.asList().forEach(item -> array.add(json(item)));
            return array;
        }
        if (document.isNumber()) {
            return Json.MAPPER.getNodeFactory().numberNode(new BigDecimal(document.asNumber().stringValue()));
        }
        if (document.isBoolean()) {
            return Json.MAPPER.getNodeFactory().booleanNode(document.asBoolean());
        }
        return document.isNull() ? Json.MAPPER.getNodeFactory().nullNode() : Json.MAPPER.getNodeFactory().textNode(document.asString());
    }
}

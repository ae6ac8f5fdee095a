package dev.precis.function;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.api.Json;
import dev.precis.api.ProblemException;
import dev.precis.api.ProblemType;

import java.io.IOException;

/**
 * The raw event as Funqy hands it over. Its deserializer never fails: a syntax error or a duplicate key
 * becomes a malformed event that the dispatcher answers with a 400 problem, instead of an exception
 * thrown inside the Lambda runtime where the caller would only see an opaque error.
 */
@JsonDeserialize(using = LambdaEvent.Reader.class)
public final class LambdaEvent {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode json;
    private final ProblemException problem;

    private LambdaEvent(JsonNode json, ProblemException problem) {
        this.json = json;
        this.problem = problem;
    }

    public static LambdaEvent of(JsonNode json) {
        return new LambdaEvent(json, null);
    }

    /** Parses a whole document strictly, as the CLI reads a file. */
    public static LambdaEvent parse(String document) {
        try {
            return of(Json.parse(document));
        } catch (ProblemException e) {
            return new LambdaEvent(null, e);
        }
    }

    public boolean isMalformed() {
        return problem != null;
    }

    public JsonNode json() {
        return json;
    }

    ProblemException problem() {
        return problem;
    }

    /** Builds the tree token by token so duplicate keys are caught whatever the mapper's settings. */
    static final class Reader extends JsonDeserializer<LambdaEvent> {

        @Override
        public LambdaEvent deserialize(JsonParser parser, DeserializationContext context) {
            try {
                return of(read(parser));
            } catch (JsonProcessingException e) {
                return new LambdaEvent(null, Json.malformed(e));
            } catch (IOException e) {
                return new LambdaEvent(null, new ProblemException(
                        ProblemType.MALFORMED_JSON.problem("The event could not be read.")));
            }
        }

        @Override
        public LambdaEvent getNullValue(DeserializationContext context) {
            return new LambdaEvent(null, new ProblemException(ProblemType.MALFORMED_JSON.problem("The event is empty.")));
        }

        private static JsonNode read(JsonParser parser) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == null) {
                throw new IOException("no content");
            }
            return switch (token) {
                case START_OBJECT -> readObject(parser);
                case START_ARRAY -> readArray(parser);
                case VALUE_STRING -> NODES.textNode(parser.getText());
                case VALUE_NUMBER_INT -> NODES.numberNode(parser.getBigIntegerValue());
                case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
                case VALUE_TRUE -> NODES.booleanNode(true);
                case VALUE_FALSE -> NODES.booleanNode(false);
                case VALUE_NULL -> NODES.nullNode();
                default -> throw new IOException("unexpected token " + token);
            };
        }

        private static ObjectNode readObject(JsonParser parser) throws IOException {
            ObjectNode object = NODES.objectNode();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String name = parser.currentName();
                parser.nextToken();
                if (object.has(name)) {
                    throw new com.fasterxml.jackson.core.JsonParseException(parser, "Duplicate field '" + name + "'");
                }
                object.set(name, read(parser));
            }
            return object;
        }

        private static ArrayNode readArray(JsonParser parser) throws IOException {
            ArrayNode array = NODES.arrayNode();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                array.add(read(parser));
            }
            return array;
        }
    }
}

package dev.precis;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.precis.api.Json;

import java.io.InputStream;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Validates documents against the JSON Schemas the function publishes in {@code schema/}. */
public final class SchemaAssert {

    private static final JsonSchema BRIEF = load("/schema/brief.schema.json");
    private static final JsonSchema REQUEST = load("/schema/article-request.schema.json");

    private SchemaAssert() {
    }

    public static void assertValidBrief(Object brief) {
        JsonNode json = brief instanceof JsonNode node ? node : Json.tree(brief);
        Set<ValidationMessage> errors = BRIEF.validate(json);
        assertThat(errors).as("brief schema violations").isEmpty();
    }

    public static Set<ValidationMessage> requestViolations(JsonNode request) {
        return REQUEST.validate(request);
    }

    private static JsonSchema load(String resource) {
        try (InputStream in = SchemaAssert.class.getResourceAsStream(resource)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.precis.deliver.cms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.api.Brief;
import dev.precis.api.Json;
import dev.precis.deliver.DeliveryContext;
import dev.precis.net.ApiCalls;
import dev.precis.net.JsonHttp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Contentful's Management API: the entry is read, its tags field (a list of names) and excerpt field set in
 * the configured locale, and the whole field set put back with {@code X-Contentful-Version}, as the API
 * requires; an entry that was published without pending changes is published again, so the write goes live
 * like the edit that triggered it. A version conflict (409) means someone saved in between: read and try once
 * more.
 */
public final class ContentfulWriter extends CmsWriter {

    private static final String MEDIA_TYPE = "application/vnd.contentful.management.v1+json";

    private final JsonHttp http;
    private final String baseUrl;
    private final String space;
    private final String environment;
    private final String managementToken;
    private final String locale;

    public ContentfulWriter(JsonHttp http, String baseUrl, String space, String environment, String managementToken,
                            String locale, WriteBack writeBack, RecentWrites recent) {
        super(writeBack, recent);
        this.http = http;
        this.baseUrl = baseUrl;
        this.space = space;
        this.environment = environment;
        this.managementToken = managementToken;
        this.locale = locale;
    }

    @Override
    public String target() {
        return "contentful";
    }

    @Override
    protected List<String> write(Brief brief, DeliveryContext context) {
        String path = "/spaces/" + ApiCalls.encode(space) + "/environments/" + ApiCalls.encode(environment) + "/entries/"
                + ApiCalls.encode(context.itemId());
        JsonNode entry = ApiCalls.require(http.get(ApiCalls.at(baseUrl, path), headers(null)), "Contentful Management API");
        ObjectNode fields = entry.path("fields").isObject() ? (ObjectNode) entry.path("fields").deepCopy()
                : Json.MAPPER.createObjectNode();
        List<String> written = new ArrayList<>();
        if (writeBack.writes("tags")) {
            List<String> tags = ListField.wanted(fields.path(writeBack.tagsField()).get(locale), brief, writeBack.newTagMinScore());
            if (tags != null) {
                ArrayNode list = localized(fields, writeBack.tagsField()).putArray(locale);
                tags.forEach(list::add);
                written.add("tags");
            }
        }
        if (writeBack.writes("excerpt")) {
            String excerpt = Excerpt.of(brief);
            if (!excerpt.equals(Excerpt.plain(fields.path(writeBack.excerptField()).path(locale).asText("")))) {
                localized(fields, writeBack.excerptField()).put(locale, excerpt);
                written.add("excerpt");
            }
        }
        if (written.isEmpty()) {
            return written;
        }
        long version = entry.path("sys").path("version").asLong();
        boolean wasLive = entry.path("sys").has("publishedVersion")
                && entry.path("sys").path("publishedVersion").asLong() + 1 == version;
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("fields", fields);
        JsonNode saved = checked(http.send("PUT", ApiCalls.at(baseUrl, path), headers(version), body));
        if (wasLive) {
            checked(http.send("PUT", ApiCalls.at(baseUrl, path + "/published"), headers(saved.path("sys").path("version").asLong()), null));
        }
        return written;
    }

    private static ObjectNode localized(ObjectNode fields, String field) {
        return fields.path(field).isObject() ? (ObjectNode) fields.get(field) : fields.putObject(field);
    }

    private JsonNode checked(JsonHttp.Reply reply) {
        if (reply.status() == 409) {
            throw new Conflict();
        }
        return ApiCalls.require(reply, "Contentful Management API");
    }

    private Map<String, String> headers(Long version) {
        Map<String, String> headers = new HashMap<>(ApiCalls.bearer(managementToken));
        headers.put("Content-Type", MEDIA_TYPE);
        if (version != null) {
            headers.put("X-Contentful-Version", Long.toString(version));
        }
        return headers;
    }
}

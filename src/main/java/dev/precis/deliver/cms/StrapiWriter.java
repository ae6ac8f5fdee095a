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
import java.util.List;
import java.util.Map;

/**
 * Strapi's REST API with an API token: {@code PUT /api/<collection>/<id>} with the fields that differ, in the
 * content type's own tags field (a JSON list of names) and excerpt field. A Strapi 5 document (string id) has
 * a draft and a published version: when the draft holds nothing the published version does not, the write is
 * published; when an editor has unpublished edits in the draft, the write goes to the draft only, since
 * publishing it would publish their edits too.
 */
public final class StrapiWriter extends CmsWriter {

    private static final List<String> BOOKKEEPING = List.of("id", "documentId", "createdAt", "updatedAt", "publishedAt", "locale",
            "createdBy", "updatedBy", "localizations");

    private final JsonHttp http;
    private final String baseUrl;
    private final String token;

    public StrapiWriter(JsonHttp http, String baseUrl, String token, WriteBack writeBack, RecentWrites recent) {
        super(writeBack, recent);
        this.http = http;
        this.baseUrl = baseUrl;
        this.token = token;
    }

    @Override
    public String target() {
        return "strapi";
    }

    @Override
    protected List<String> write(Brief brief, DeliveryContext context) {
        String id = context.itemId().contains(":") ? context.itemId().substring(context.itemId().lastIndexOf(':') + 1)
                : context.itemId();
        boolean document = !id.chars().allMatch(Character::isDigit);
        String path = "/api/" + ApiCalls.encode(context.collection()) + "/" + ApiCalls.encode(id);
        Map<String, String> auth = ApiCalls.bearer(token);
        JsonNode data = ApiCalls.require(http.get(ApiCalls.at(baseUrl, path), auth), "Strapi REST API").path("data");
        JsonNode entry = data.has("attributes") ? data.path("attributes") : data;
        boolean publish = document && sameContent(entry,
                ApiCalls.require(http.get(ApiCalls.at(baseUrl, path + "?status=draft"), auth), "Strapi REST API").path("data"));
        ObjectNode changes = Json.MAPPER.createObjectNode();
        List<String> written = new ArrayList<>();
        if (writeBack.writes("tags")) {
            List<String> tags = ListField.wanted(entry.get(writeBack.tagsField()), brief, writeBack.newTagMinScore());
            if (tags != null) {
                ArrayNode list = changes.putArray(writeBack.tagsField());
                tags.forEach(list::add);
                written.add("tags");
            }
        }
        if (writeBack.writes("excerpt")) {
            String excerpt = Excerpt.of(brief);
            if (!excerpt.equals(Excerpt.plain(entry.path(writeBack.excerptField()).asText("")))) {
                changes.put(writeBack.excerptField(), excerpt);
                written.add("excerpt");
            }
        }
        if (!changes.isEmpty()) {
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.set("data", changes);
            ApiCalls.require(http.send("PUT", ApiCalls.at(baseUrl, path + (publish ? "?status=published" : "")), auth, body),
                    "Strapi REST API");
            if (document && !publish) {
                written.add("to the draft, which has unpublished edits");
            }
        }
        return written;
    }

    /** Whether the draft says what the published version says, bookkeeping fields aside. */
    private static boolean sameContent(JsonNode published, JsonNode draft) {
        ObjectNode a = published.isObject() ? ((ObjectNode) published).deepCopy() : Json.MAPPER.createObjectNode();
        ObjectNode b = draft.isObject() ? ((ObjectNode) draft).deepCopy() : Json.MAPPER.createObjectNode();
        for (String field : BOOKKEEPING) {
            a.remove(field);
            b.remove(field);
        }
        return a.equals(b);
    }
}

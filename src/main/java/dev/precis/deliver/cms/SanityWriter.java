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
 * Sanity's HTTP API: the document is read through the query API, and a {@code patch} mutation sets the tags
 * and excerpt fields that differ, guarded by {@code ifRevisionID} so a concurrent edit is not overwritten.
 */
public final class SanityWriter extends CmsWriter {

    private static final String API_VERSION = "v2021-06-07";

    private final JsonHttp http;
    private final String baseUrl;
    private final String dataset;
    private final String token;

    public SanityWriter(JsonHttp http, String baseUrl, String dataset, String token, WriteBack writeBack, RecentWrites recent) {
        super(writeBack, recent);
        this.http = http;
        this.baseUrl = baseUrl;
        this.dataset = dataset;
        this.token = token;
    }

    @Override
    public String target() {
        return "sanity";
    }

    @Override
    protected List<String> write(Brief brief, DeliveryContext context) {
        Map<String, String> auth = ApiCalls.bearer(token);
        String query = "?query=" + ApiCalls.encode("*[_id == $id][0]") + "&" + ApiCalls.encode("$id") + "="
                + ApiCalls.encode(Json.write(context.itemId()));
        JsonNode document = ApiCalls.require(http.get(ApiCalls.at(baseUrl, "/" + API_VERSION + "/data/query/"
                + ApiCalls.encode(dataset) + query), auth), "Sanity query API").path("result");
        ObjectNode set = Json.MAPPER.createObjectNode();
        List<String> written = new ArrayList<>();
        if (writeBack.writes("tags")) {
            List<String> tags = ListField.wanted(document.get(writeBack.tagsField()), brief, writeBack.newTagMinScore());
            if (tags != null) {
                ArrayNode list = set.putArray(writeBack.tagsField());
                tags.forEach(list::add);
                written.add("tags");
            }
        }
        if (writeBack.writes("excerpt")) {
            String excerpt = Excerpt.of(brief);
            if (!excerpt.equals(Excerpt.plain(document.path(writeBack.excerptField()).asText("")))) {
                set.put(writeBack.excerptField(), excerpt);
                written.add("excerpt");
            }
        }
        if (set.isEmpty()) {
            return written;
        }
        ObjectNode patch = Json.MAPPER.createObjectNode().put("id", context.itemId());
        patch.set("set", set);
        if (document.hasNonNull("_rev")) {
            patch.put("ifRevisionID", document.get("_rev").asText());
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putArray("mutations").addObject().set("patch", patch);
        ApiCalls.require(http.send("POST", ApiCalls.at(baseUrl, "/" + API_VERSION + "/data/mutate/" + ApiCalls.encode(dataset)),
                auth, body), "Sanity mutations API");
        return written;
    }
}

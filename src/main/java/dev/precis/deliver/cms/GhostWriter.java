package dev.precis.deliver.cms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.api.Brief;
import dev.precis.api.Json;
import dev.precis.deliver.DeliveryContext;
import dev.precis.net.ApiCalls;
import dev.precis.net.JsonHttp;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ghost's Admin API: tags by name (Ghost creates a tag it does not have; precis only asks for new ones above
 * the score threshold) and the custom excerpt, written with the {@code updated_at} that was read, so a
 * concurrent edit makes Ghost refuse (409) instead of being overwritten; then the item is read again and the
 * write tried once more.
 */
public final class GhostWriter extends CmsWriter {

    private final JsonHttp http;
    private final String baseUrl;
    private final String adminKey;
    private final Clock clock;

    public GhostWriter(JsonHttp http, String baseUrl, String adminKey, WriteBack writeBack, Clock clock, RecentWrites recent) {
        super(writeBack, recent);
        this.http = http;
        this.baseUrl = baseUrl;
        this.adminKey = adminKey;
        this.clock = clock;
    }

    @Override
    public String target() {
        return "ghost";
    }

    @Override
    protected List<String> write(Brief brief, DeliveryContext context) {
        String kind = "pages".equals(context.collection()) ? "pages" : "posts";
        String path = "/ghost/api/admin/" + kind + "/" + ApiCalls.encode(context.itemId()) + "/";
        JsonNode post = ApiCalls.require(http.get(ApiCalls.at(baseUrl, path), auth()), "Ghost Admin API").path(kind).path(0);
        ObjectNode changes = Json.MAPPER.createObjectNode();
        List<String> written = new ArrayList<>();
        if (writeBack.writes("tags")) {
            // The post's own tags stay exactly as the editor set them; the brief's are added after them.
            List<String> wanted = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            post.path("tags").forEach(tag -> {
                wanted.add(tag.path("name").asText(""));
                keys.add(TagNames.key(tag.path("name").asText("")));
            });
            int before = wanted.size();
            Map<String, String> site = siteTags();
            for (Brief.Tag tag : brief.tags()) {
                String key = TagNames.key(tag.label());
                if ((site.containsKey(key) || tag.score() >= writeBack.newTagMinScore()) && keys.add(key)) {
                    wanted.add(site.getOrDefault(key, tag.label()));
                }
            }
            if (wanted.size() > before) {
                ArrayNode tags = changes.putArray("tags");
                wanted.forEach(name -> tags.addObject().put("name", name));
                written.add("tags");
            }
        }
        if (writeBack.writes("excerpt")) {
            String excerpt = Excerpt.of(brief);
            if (!excerpt.equals(Excerpt.plain(post.path("custom_excerpt").asText("")))) {
                changes.put("custom_excerpt", excerpt);
                written.add("excerpt");
            }
        }
        if (changes.isEmpty()) {
            return written;
        }
        changes.put("updated_at", post.path("updated_at").asText());
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putArray(kind).add(changes);
        JsonHttp.Reply reply = http.send("PUT", ApiCalls.at(baseUrl, path), auth(), body);
        if (reply.status() == 409) {
            throw new Conflict();
        }
        ApiCalls.require(reply, "Ghost Admin API");
        return written;
    }

    /** The site's tags by comparison key, so a brief's "Railways" joins the site's "Railway". */
    private Map<String, String> siteTags() {
        JsonNode tags = ApiCalls.require(http.get(ApiCalls.at(baseUrl, "/ghost/api/admin/tags/?limit=all&fields=name"), auth()),
                "Ghost Admin API").path("tags");
        Map<String, String> byKey = new LinkedHashMap<>();
        tags.forEach(tag -> byKey.putIfAbsent(TagNames.key(tag.path("name").asText("")), tag.path("name").asText("")));
        return byKey;
    }

    private Map<String, String> auth() {
        return Map.of("Authorization", "Ghost " + GhostAdminToken.create(adminKey, clock.instant()), "Accept-Version", "v5.0");
    }
}

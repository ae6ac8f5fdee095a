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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * WordPress REST with an application password: tags are matched by name to the site's existing tags (case
 * and plural aside) and new ones created only above the score threshold; the editor's own tags stay; the
 * excerpt is the summary. One {@code POST /wp-json/wp/v2/<posts|pages|type>/<id>} carries what differs, or none
 * is made.
 */
public final class WordPressWriter extends CmsWriter {

    private static final int TAGS_PER_PAGE = 100;
    /** Enough for any real name's matches; a search that finds more is too broad to page through on every write. */
    private static final int MAX_TAG_PAGES = 5;

    private final JsonHttp http;
    private final String baseUrl;
    private final Map<String, String> auth;

    public WordPressWriter(JsonHttp http, String baseUrl, String username, String appPassword, WriteBack writeBack, RecentWrites recent) {
        super(writeBack, recent);
        this.http = http;
        this.baseUrl = baseUrl;
        this.auth = ApiCalls.basic(username, appPassword);
    }

    @Override
    public String target() {
        return "wordpress";
    }

    @Override
    protected List<String> write(Brief brief, DeliveryContext context) {
        String route = context.collection() == null ? "posts" : context.collection();
        String post = "/wp-json/wp/v2/" + ApiCalls.encode(route) + "/" + ApiCalls.encode(context.itemId());
        JsonNode current = ApiCalls.require(http.get(ApiCalls.at(baseUrl, post + "?context=edit"), auth), "WordPress REST API");
        ObjectNode changes = Json.MAPPER.createObjectNode();
        List<String> written = new ArrayList<>();
        if (writeBack.writes("tags")) {
            Set<Long> tags = new LinkedHashSet<>();
            current.path("tags").forEach(id -> tags.add(id.asLong()));
            Set<Long> wanted = new LinkedHashSet<>(tags);
            for (Brief.Tag tag : brief.tags()) {
                Long id = tagId(tag);
                if (id != null) {
                    wanted.add(id);
                }
            }
            if (!wanted.equals(tags)) {
                ArrayNode ids = changes.putArray("tags");
                wanted.forEach(ids::add);
                written.add("tags");
            }
        }
        if (writeBack.writes("excerpt")) {
            String excerpt = Excerpt.of(brief);
            if (!excerpt.equals(currentExcerpt(current.path("excerpt")))) {
                changes.put("excerpt", excerpt);
                written.add("excerpt");
            }
        }
        if (!changes.isEmpty()) {
            ApiCalls.require(http.send("POST", ApiCalls.at(baseUrl, post), auth, changes), "WordPress REST API");
        }
        return written;
    }

    /** The tag's comparison key less a final "y", which a plural replaces ("ferry", "ferries"). */
    static String searchTerm(String label) {
        String key = TagNames.key(label);
        return key.length() > 3 && key.endsWith("y") ? key.substring(0, key.length() - 1) : key;
    }

    /** The excerpt as stored: {@code raw} when the API gives it (edit context), else the rendered text. */
    private static String currentExcerpt(JsonNode excerpt) {
        if (excerpt.isTextual()) {
            return Excerpt.plain(excerpt.textValue());
        }
        if (excerpt.has("raw")) {
            return Excerpt.plain(excerpt.path("raw").asText(""));
        }
        return Excerpt.plain(excerpt.path("rendered").asText(""));
    }

    /** The id of the site's tag with this name, created when there is none and the tag scores high enough. */
    private Long tagId(Brief.Tag tag) {
        // WordPress searches names by substring (accents and case aside), so the search asks for the part that
        // singular and plural share ("ferr" finds "Ferry" and "Ferries"); the exact match is decided here.
        String term = searchTerm(tag.label());
        for (int page = 1; page <= MAX_TAG_PAGES; page++) {
            JsonNode found = ApiCalls.require(http.get(ApiCalls.at(baseUrl, "/wp-json/wp/v2/tags?per_page=" + TAGS_PER_PAGE
                    + "&page=" + page + "&search=" + ApiCalls.encode(term)), auth), "WordPress REST API");
            for (JsonNode existing : found) {
                if (TagNames.same(existing.path("name").asText(""), tag.label())) {
                    return existing.path("id").asLong();
                }
            }
            if (found.size() < TAGS_PER_PAGE) {
                break;
            }
        }
        if (tag.score() < writeBack.newTagMinScore()) {
            return null;
        }
        ObjectNode create = Json.MAPPER.createObjectNode().put("name", tag.label());
        JsonHttp.Reply reply = http.send("POST", ApiCalls.at(baseUrl, "/wp-json/wp/v2/tags"), auth, create);
        if (!reply.isSuccess() && reply.json() != null && reply.json().path("data").has("term_id")) {
            // "term_exists": a tag of that name appeared since the search (or differs only in a way search missed)
            return reply.json().path("data").path("term_id").asLong();
        }
        return ApiCalls.require(reply, "WordPress REST API").path("id").asLong();
    }
}

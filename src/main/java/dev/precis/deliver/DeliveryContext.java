package dev.precis.deliver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The item a brief describes, as its source knows it.
 *
 * @param itemId     the item's id in its CMS (or the request's id)
 * @param collection the CMS's name for the kind of item, where its API needs one (a Strapi collection); may be null
 * @param payload    the delivery that announced it; may be missing
 */
public record DeliveryContext(String itemId, String collection, JsonNode payload) {

    public DeliveryContext {
        payload = payload == null ? MissingNode.getInstance() : payload;
    }
}

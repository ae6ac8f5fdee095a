package dev.precis.ingest.cms;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads an item through its CMS's read API, for "thin" deliveries that name an item without carrying its
 * body (SPEC §11).
 */
public interface CmsReader {

    /**
     * @param thin    what the delivery said about the item (its id at least)
     * @param payload the delivery, for the few details a read needs (a Strapi model name)
     * @throws dev.precis.api.ProblemException 502 or 504 when the API fails or cannot be reached
     */
    CmsArticle read(CmsArticle thin, JsonNode payload);
}

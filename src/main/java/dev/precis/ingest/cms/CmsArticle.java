package dev.precis.ingest.cms;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The article a CMS payload (or read API) describes, as far as it says: any field may be null. The body
 * is what the CMS stores: a string of HTML or Markdown, or a rich-text structure.
 */
public record CmsArticle(String cms, String id, String title, JsonNode body, String url, String publishedAt,
                         String language) {

    public boolean hasBody() {
        return body != null && !body.isNull() && !body.isMissingNode() && !(body.isTextual() && body.textValue().isBlank())
                && !(body.isContainerNode() && body.isEmpty());
    }

    /** This article with the fields another source knows filled in where this one has none. */
    public CmsArticle or(CmsArticle other) {
        return new CmsArticle(cms, id != null ? id : other.id(), title != null ? title : other.title(),
                hasBody() ? body : other.body(), url != null ? url : other.url(),
                publishedAt != null ? publishedAt : other.publishedAt(), language != null ? language : other.language());
    }
}

package dev.precis.ingest.cms;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.ingest.Timestamps;

/** What precis knows about one CMS's webhooks: how they are signed, what they announce and where the article is. */
public interface CmsProfile {

    /** The path segment of {@code /v1/webhooks/{cms}} and of its configuration keys. */
    String name();

    SignatureScheme signature();

    /** Where the article's fields are, before configuration overrides them ({@code locale} for CMSs that localize fields). */
    FieldMap defaults(String locale);

    /** Whether the delivery announces a published item to analyze, or something to acknowledge. */
    WebhookEvent event(WebhookDelivery delivery, JsonNode payload, FieldMap fields);

    /** The publication time as RFC 3339, from the value the payload holds. */
    default String publishedAt(String value) {
        return Timestamps.rfc3339(value);
    }

    /**
     * The CMS's name for the kind of item a delivery is about, where its API needs one to address the item
     * (a Strapi collection); by default what is configured.
     */
    default String collection(String configured, JsonNode payload) {
        return configured;
    }

    /** The article after mapping, for what pointers alone cannot say (an id made of two fields). */
    default CmsArticle complete(CmsArticle article, JsonNode payload) {
        return article;
    }
}

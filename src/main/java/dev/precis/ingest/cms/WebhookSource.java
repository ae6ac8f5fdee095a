package dev.precis.ingest.cms;

import java.util.function.Supplier;

/**
 * One enabled webhook route: the CMS's profile, its secret (read on first use, since it may live in Secrets
 * Manager or Parameter Store), the field map with configuration applied, the site's address for URLs built
 * from slugs, and the read API for thin deliveries when one is configured.
 *
 * @param reader     null when no read API is configured (a thin delivery then falls back to fetching its URL)
 * @param collection the CMS's name for the item's kind where its API needs one (Strapi), or null
 */
public record WebhookSource(CmsProfile profile, Supplier<String> secret, FieldMap fields, String siteUrl,
                            Supplier<CmsReader> reader, String collection) {
}

package dev.precis.deliver.cms;

import java.util.Set;

/**
 * What a CMS write-back may write (SPEC §13): {@code tags} and {@code excerpt}, as configured
 * ({@code precis.cms.<cms>.write}; nothing unless configured), the score a tag needs before precis creates
 * it in the CMS (matching an existing tag needs none), and the names of the fields in content models where
 * they are the site's choice (Strapi, Contentful, Sanity).
 */
public record WriteBack(Set<String> fields, double newTagMinScore, String tagsField, String excerptField) {

    public static final Set<String> WRITABLE = Set.of("tags", "excerpt");

    public WriteBack {
        for (String field : fields) {
            if (!WRITABLE.contains(field)) {
                throw new IllegalArgumentException("cannot write \"" + field + "\"; writable fields are " + WRITABLE);
            }
        }
        fields = Set.copyOf(fields);
    }

    public boolean writes(String field) {
        return fields.contains(field);
    }
}

package dev.precis.deliver;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What one delivery did: {@code written} (fields changed in a CMS), {@code unchanged} (nothing differed),
 * {@code delivered} (a callback or object accepted) or {@code failed}, with a short detail that never
 * holds a secret.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryResult(String target, String outcome, String detail) {

    public static final String WRITTEN = "written";
    public static final String UNCHANGED = "unchanged";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";

    public boolean failed() {
        return FAILED.equals(outcome);
    }
}

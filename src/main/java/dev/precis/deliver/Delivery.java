package dev.precis.deliver;

import dev.precis.api.Brief;

/** One place a brief goes once it is made: a signed callback, an S3 bucket, a write-back into the CMS. */
public interface Delivery {

    /** What the receipt calls this delivery ("wordpress", "callback"). */
    String target();

    /**
     * Delivers the brief of one item; failures are reported in the result, not thrown, so one failing
     * target never stops the others.
     */
    DeliveryResult deliver(Brief brief, DeliveryContext context);
}

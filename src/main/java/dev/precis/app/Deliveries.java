package dev.precis.app;

import dev.precis.api.Brief;
import dev.precis.deliver.Delivery;
import dev.precis.deliver.DeliveryContext;
import dev.precis.deliver.DeliveryResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where briefs go: the deliveries every brief goes to (the signed callback, the S3 sink) and each CMS's
 * write-back, which only the briefs of that CMS's items go to. Each is built on first use.
 */
public final class Deliveries {

    private final Map<String, Supplier<Delivery>> everywhere;
    private final Map<String, Supplier<Delivery>> writers;

    /**
     * @param everywhere deliveries by target name ("callback", "s3")
     * @param writers    CMS write-backs by CMS name
     */
    public Deliveries(Map<String, Supplier<Delivery>> everywhere, Map<String, Supplier<Delivery>> writers) {
        this.everywhere = Map.copyOf(everywhere);
        this.writers = Map.copyOf(writers);
    }

    public static Deliveries none() {
        return new Deliveries(Map.of(), Map.of());
    }

    /**
     * Delivers a brief: to the CMS's write-back when {@code cms} names one, and to every general target, or
     * only to {@code targets} when a job names them.
     */
    public List<DeliveryResult> deliver(Brief brief, DeliveryContext context, String cms, List<String> targets) {
        List<Supplier<Delivery>> chosen = new ArrayList<>();
        if (cms != null && writers.containsKey(cms)) {
            chosen.add(writers.get(cms));
        }
        everywhere.forEach((name, delivery) -> {
            if (targets == null || targets.contains(name)) {
                chosen.add(delivery);
            }
        });
        List<DeliveryResult> results = new ArrayList<>();
        for (Supplier<Delivery> delivery : chosen) {
            results.add(delivery.get().deliver(brief, context));
        }
        return results;
    }
}

package dev.precis.function;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.api.Json;

import java.io.PrintStream;

/**
 * CloudWatch metrics in the Embedded Metric Format: one JSON line on standard output per data point, which
 * Lambda's log pipeline turns into a metric without an API call. Written raw, not through the JSON logger,
 * since EMF must be the whole line.
 */
public final class EmfMetrics {

    public static final String NAMESPACE = "precis";
    public static final String SOURCE_FAILURES = "SweepSourceFailures";

    private final PrintStream out;

    public EmfMetrics() {
        this(System.out);
    }

    EmfMetrics(PrintStream out) {
        this.out = out;
    }

    /** One failed sweep source, by source name. */
    public void sourceFailed(String source) {
        ObjectNode line = Json.MAPPER.createObjectNode();
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", System.currentTimeMillis());
        ObjectNode metric = aws.putArray("CloudWatchMetrics").addObject();
        metric.put("Namespace", NAMESPACE);
        // Per source for diagnosis, and with no dimension for one alarm that covers every source.
        ArrayNode dimensions = metric.putArray("Dimensions");
        dimensions.addArray().add("Source");
        dimensions.addArray();
        ArrayNode metrics = metric.putArray("Metrics");
        metrics.addObject().put("Name", SOURCE_FAILURES).put("Unit", "Count");
        line.put("Source", source.length() > 100 ? source.substring(0, 100) : source);
        line.put(SOURCE_FAILURES, 1);
        synchronized (out) {
            out.println(Json.write(line));
        }
    }
}

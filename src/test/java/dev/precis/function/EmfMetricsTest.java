package dev.precis.function;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.api.Json;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class EmfMetricsTest {

    @Test
    void aSourceFailureIsOneEmbeddedMetricLineCountedPerSourceAndOverall() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new EmfMetrics(new PrintStream(out, true, StandardCharsets.UTF_8)).sourceFailed("county-council");
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(1);
        JsonNode line = Json.parse(lines[0]);
        JsonNode directive = line.get("_aws").get("CloudWatchMetrics").get(0);
        assertThat(directive.get("Namespace").asText()).isEqualTo("precis");
        assertThat(directive.get("Metrics").get(0).get("Name").asText()).isEqualTo("SweepSourceFailures");
        assertThat(directive.get("Dimensions").toString()).isEqualTo("[[\"Source\"],[]]");
        assertThat(line.get("Source").asText()).isEqualTo("county-council");
        assertThat(line.get("SweepSourceFailures").asInt()).isEqualTo(1);
        assertThat(line.get("_aws").get("Timestamp").asLong()).isPositive();
    }
}

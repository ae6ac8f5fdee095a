package dev.precis.bench;

import dev.precis.api.ArticleOptions;
import dev.precis.api.ArticleRequest;
import dev.precis.api.Brief;
import dev.precis.api.Format;
import dev.precis.engine.EmbeddedEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The whole brief for a 1,000-word news article written for this benchmark, on one thread: the warm
 * path of a Lambda invocation minus JSON parsing. Sample mode reports the median and p99; run with
 * {@code -prof gc} for the allocation per brief ({@code gc.alloc.rate.norm}). Run it with bin/benchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Threads(1)
public class BriefBenchmark {

    private EmbeddedEngine engine;
    private ArticleRequest request;

    @Setup
    public void setUp() throws IOException {
        engine = new EmbeddedEngine(Set.of(), "benchmark");
        try (InputStream in = BriefBenchmark.class.getResourceAsStream("/bench/article-1000-words.txt")) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            request = new ArticleRequest("bench", "Valmora to close coal plant early", body, Format.AUTO, null, "en",
                    null, ArticleOptions.defaults());
        }
    }

    @Benchmark
    public Brief brief() {
        return engine.analyze(request);
    }
}

package dev.precis.bench;

import dev.precis.ingest.page.ExtractedPage;
import dev.precis.ingest.page.PageExtractor;
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
import java.util.concurrent.TimeUnit;

/**
 * Main-content extraction and metadata for a 300 KB news page written for this benchmark (inline CSS and
 * scripts, menus, a share bar, related links, comments, a sidebar and a footer around a 1,000-word story),
 * on one thread: parse, metadata, cleaning, scoring and writing the paragraphs. Run it with bin/benchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Threads(1)
public class PageExtractionBenchmark {

    private final PageExtractor extractor = new PageExtractor();
    private String page;

    @Setup
    public void setUp() throws IOException {
        try (InputStream in = PageExtractionBenchmark.class.getResourceAsStream("/bench/page-300kb.html")) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Benchmark
    public ExtractedPage extract() {
        return extractor.extract(page, "https://gazette.example.org/valmora/coal-plant");
    }
}

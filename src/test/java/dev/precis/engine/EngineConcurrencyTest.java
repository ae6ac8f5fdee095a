package dev.precis.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.api.Brief;
import dev.precis.api.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queue records are analyzed on several threads by one shared engine: every brief made concurrently must be
 * the brief the same article gets alone. Articles of different lengths interleave so that shared caches,
 * models and lexicons are hit from several threads at once.
 */
class EngineConcurrencyTest {

    private static List<String> articles() throws IOException {
        String whole;
        try (InputStream in = EngineConcurrencyTest.class.getResourceAsStream("/bench/article-1000-words.txt")) {
            whole = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String[] paragraphs = whole.split("\n\n");
        List<String> articles = new ArrayList<>();
        for (int start = 0; start < paragraphs.length; start += 2) {
            for (int length = 2; start + length <= paragraphs.length; length += 3) {
                articles.add(String.join("\n\n", List.of(paragraphs).subList(start, start + length)));
            }
        }
        return articles;
    }

    private static String analyzed(String article) {
        Brief brief = EngineFixture.analyze(null, article);
        ObjectNode json = (ObjectNode) Json.MAPPER.valueToTree(brief);
        ((ObjectNode) json.get("engine")).remove("elapsedMs");
        return Json.write(json);
    }

    @Test
    @Timeout(120)
    void briefsMadeOnManyThreadsAreTheBriefsMadeAlone() throws Exception {
        List<String> articles = articles();
        assertThat(articles).hasSizeGreaterThan(10);
        List<String> alone = articles.stream().map(EngineConcurrencyTest::analyzed).toList();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> tasks = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (int i = articles.size() - 1; i >= 0; i--) {
                    String article = articles.get(i);
                    tasks.add(() -> analyzed(article));
                }
            }
            List<Future<String>> results = pool.invokeAll(tasks);
            for (int t = 0; t < tasks.size(); t++) {
                int article = articles.size() - 1 - t % articles.size();
                assertThat(results.get(t).get()).as("article %d on a shared engine", article).isEqualTo(alone.get(article));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

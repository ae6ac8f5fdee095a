package dev.precis.engine.llm;

import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * How to reach the LLM (SPEC §6; {@code precis.llm.*}).
 *
 * @param provider       {@code openai} (any chat-completions server) or {@code bedrock} (the Converse API)
 * @param baseUrl        for {@code openai}, the API root as OpenAI's own clients take it ({@code https://api.openai.com/v1});
 *                       for {@code bedrock}, an endpoint to use instead of the region's (null: the region's)
 * @param apiKey         the bearer key, read when first needed (null for servers that take none, and for Bedrock)
 * @param timeout        one call's limit
 * @param maxInputTokens the article is cut at a paragraph to stay within this many tokens
 */
public record LlmSettings(String provider, URI baseUrl, String model, Supplier<String> apiKey, Duration timeout,
                          int maxInputTokens, double temperature, String region) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(8);
    public static final int DEFAULT_MAX_INPUT_TOKENS = 6_000;
}

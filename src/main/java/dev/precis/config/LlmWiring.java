package dev.precis.config;

import dev.precis.engine.llm.BedrockClient;
import dev.precis.engine.llm.LlmClient;
import dev.precis.engine.llm.LlmEngine;
import dev.precis.engine.llm.LlmSettings;
import dev.precis.engine.llm.OpenAiClient;
import dev.precis.engine.llm.ReplayingClient;
import dev.precis.net.JsonHttp;
import org.eclipse.microprofile.config.Config;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The LLM engine from {@code precis.llm.*}, or none when no provider is set, so that a deployment without
 * one behaves as if the engine did not exist. {@code precis.llm.replay-dir} makes evaluations reproducible:
 * answers are read from there, and recorded there when a provider is also configured.
 */
final class LlmWiring {

    private LlmWiring() {
    }

    static LlmEngine engine(Config config, Secrets secrets, Duration connectTimeout, String userAgent, LongSupplier deadline) {
        String provider = text(config, "precis.llm.provider");
        String replay = text(config, "precis.llm.replay-dir");
        if (provider == null && replay == null) {
            return null;
        }
        LlmSettings settings = settings(config, secrets, provider);
        LlmClient client = provider == null ? null : client(settings, connectTimeout, userAgent);
        if (replay != null) {
            client = new ReplayingClient(Path.of(replay), client);
        }
        return new LlmEngine(client, settings, deadline);
    }

    private static LlmSettings settings(Config config, Secrets secrets, String provider) {
        if (provider != null && !provider.equals("openai") && !provider.equals("bedrock")) {
            throw new IllegalArgumentException("precis.llm.provider is openai or bedrock, not \"" + provider + "\"");
        }
        String model = text(config, "precis.llm.model");
        if (provider != null && model == null) {
            throw new IllegalArgumentException("precis.llm.provider=" + provider + " needs precis.llm.model");
        }
        String baseUrl = text(config, "precis.llm.base-url");
        if ("openai".equals(provider) && baseUrl == null) {
            baseUrl = "https://api.openai.com/v1";
        }
        Supplier<String> apiKey = secrets.value("precis.llm.api-key", text(config, "precis.llm.api-key"));
        Duration timeout = config.getOptionalValue("precis.llm.timeout", String.class)
                .map(value -> Durations.parse("precis.llm.timeout", value)).orElse(LlmSettings.DEFAULT_TIMEOUT);
        int maxInput = config.getOptionalValue("precis.llm.max-input-tokens", Integer.class).orElse(LlmSettings.DEFAULT_MAX_INPUT_TOKENS);
        double temperature = config.getOptionalValue("precis.llm.temperature", Double.class).orElse(0.0);
        if (maxInput < 500 || temperature < 0 || temperature > 2) {
            throw new IllegalArgumentException("precis.llm.max-input-tokens must be at least 500 and precis.llm.temperature from 0 to 2");
        }
        return new LlmSettings(provider, baseUrl == null ? null : URI.create(baseUrl), model == null ? "recorded" : model, apiKey,
                timeout, maxInput, temperature, text(config, "precis.llm.region"));
    }

    private static LlmClient client(LlmSettings settings, Duration connectTimeout, String userAgent) {
        if (settings.provider().equals("openai")) {
            return new OpenAiClient(new JsonHttp(connectTimeout, settings.timeout(), userAgent), settings.baseUrl(),
                    settings.model(), settings.apiKey(), settings.temperature());
        }
        BedrockRuntimeClientBuilder bedrock = BedrockRuntimeClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(connectTimeout).socketTimeout(settings.timeout()))
                .overrideConfiguration(override -> override.retryPolicy(RetryPolicy.none()).apiCallTimeout(settings.timeout()));
        if (settings.region() != null) {
            bedrock.region(Region.of(settings.region()));
        }
        if (settings.baseUrl() != null) {
            bedrock.endpointOverride(settings.baseUrl());
        }
        // Built on first use, so a missing region or credentials is an error of the call, not of start-up.
        Supplier<BedrockClient> client = Lazy.of(() -> new BedrockClient(bedrock.build(), settings.model(), settings.temperature()));
        return (request, timeout) -> client.get().complete(request, timeout);
    }

    private static String text(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> key.endsWith("provider") ? s.toLowerCase(Locale.ROOT) : s).orElse(null);
    }
}

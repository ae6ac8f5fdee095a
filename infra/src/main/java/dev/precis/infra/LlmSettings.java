package dev.precis.infra;

import java.util.function.Function;

/**
 * The LLM engine's deployment (SPEC §6), from context: none unless {@code llmProvider} is set.
 *
 * @param provider   {@code openai} (any chat-completions server) or {@code bedrock}
 * @param model      the model id ({@code gpt-4o-mini}, {@code anthropic.claude-3-5-haiku-20241022-v1:0})
 * @param secretName for {@code openai}, the Secrets Manager secret holding the API key (the function may read it)
 * @param baseUrl    for {@code openai}, the server ({@code https://api.openai.com/v1} when unset)
 */
public record LlmSettings(String provider, String model, String secretName, String baseUrl) {

    public LlmSettings {
        if (provider != null && !provider.equals("openai") && !provider.equals("bedrock")) {
            throw new IllegalArgumentException("llmProvider is openai or bedrock, not " + provider);
        }
        if (provider != null && model == null) {
            throw new IllegalArgumentException("llmProvider needs llmModel");
        }
        if ("bedrock".equals(provider) && (secretName != null || baseUrl != null)) {
            throw new IllegalArgumentException("Bedrock is reached with the function's role: llmSecretName and llmBaseUrl are for openai");
        }
    }

    static LlmSettings fromContext(Function<String, Object> context) {
        return new LlmSettings(DeploymentSettings.text(context, "llmProvider", null), DeploymentSettings.text(context, "llmModel", null),
                DeploymentSettings.text(context, "llmSecretName", null), DeploymentSettings.text(context, "llmBaseUrl", null));
    }

    boolean enabled() {
        return provider != null;
    }
}

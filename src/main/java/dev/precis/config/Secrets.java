package dev.precis.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.api.Json;
import dev.precis.api.ProblemException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.util.function.Supplier;

/**
 * Secret values from configuration (SPEC §13): written as they are, or named as
 * {@code secretsmanager:<secret name or ARN>[#<JSON key>]} or {@code ssm:<parameter name>} and read from AWS
 * once per container, on first use, so neither start-up nor tests without AWS pay for it. Values never
 * reach logs or answers; a failed read names the key and the kind of failure only.
 */
final class Secrets {

    static final String SECRETS_MANAGER = "secretsmanager:";
    static final String PARAMETER_STORE = "ssm:";

    private final Lazy<SecretsManagerClient> secretsManager = Lazy.of(() -> SecretsManagerClient.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder()).build());
    private final Lazy<ParameterStore> parameterStore = Lazy.of(ParameterStore::new);

    /** The value of a configured secret, read when first asked for; null when nothing is configured. */
    Supplier<String> value(String key, String configured) {
        if (configured == null || configured.isBlank()) {
            return null;
        }
        return Lazy.of(() -> resolve(key, configured.strip()));
    }

    private String resolve(String key, String configured) {
        try {
            if (configured.startsWith(SECRETS_MANAGER)) {
                String name = configured.substring(SECRETS_MANAGER.length());
                int hash = name.lastIndexOf('#');
                String secretId = hash < 0 ? name : name.substring(0, hash);
                String secret = secretsManager.get().getSecretValue(request -> request.secretId(secretId)).secretString();
                return hash < 0 ? secret : field(key, secret, name.substring(hash + 1));
            }
            if (configured.startsWith(PARAMETER_STORE)) {
                String name = configured.substring(PARAMETER_STORE.length());
                try {
                    return parameterStore.get().get(name);
                } catch (IllegalStateException | java.io.UncheckedIOException e) {
                    throw new IllegalStateException(key + ": the parameter could not be read (" + e.getMessage() + ")");
                }
            }
            return configured;
        } catch (SdkException e) {
            throw new IllegalStateException(key + ": the secret could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String field(String key, String secret, String field) {
        JsonNode value;
        try {
            value = Json.parse(secret).path(field);
        } catch (ProblemException e) {
            // The parser's message may quote the secret; say only what went wrong.
            throw new IllegalStateException(key + ": the secret is not a JSON object");
        }
        if (!value.isTextual()) {
            throw new IllegalStateException(key + ": the secret has no text field \"" + field + "\"");
        }
        return value.textValue();
    }
}

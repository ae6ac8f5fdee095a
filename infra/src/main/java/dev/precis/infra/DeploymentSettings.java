package dev.precis.infra;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What a deployer may choose, read from CDK context ({@code -c key=value} or cdk.json). Nothing names an
 * account or region: the stack deploys wherever the caller's credentials point.
 *
 * @param authorizer      {@code iam} (SigV4-signed callers) or {@code jwt} (an OIDC issuer and audience)
 * @param webhookCms      the CMSs to enable: each gets a generated Secrets Manager secret the function reads
 * @param readableSecrets further Secrets Manager names the function may read (CMS credentials for write-back)
 * @param functionEnv     precis settings for the function ({@code PRECIS_…} environment variables)
 * @param bulk            the queue, schedule, results bucket and backfill state machine
 * @param llm             the LLM engine, when one is configured
 */
public record DeploymentSettings(
        String functionZip,
        String stageName,
        int memorySize,
        String authorizer,
        String jwtIssuer,
        List<String> jwtAudience,
        String alarmEmail,
        int logRetentionDays,
        List<String> corsOrigins,
        int throttleRateLimit,
        int throttleBurstLimit,
        List<String> webhookCms,
        String webhookSecretPrefix,
        int webhookRateLimit,
        int webhookBurstLimit,
        List<String> readableSecrets,
        Map<String, String> functionEnv,
        BulkSettings bulk,
        LlmSettings llm) {

    /** The CMSs the function has webhook routes for (SPEC §11). */
    static final Set<String> CMS = Set.of("ghost", "wordpress", "contentful", "sanity", "strapi", "generic");

    /** The retention periods CloudWatch Logs accepts. */
    static final Set<Integer> RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545,
            731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    public DeploymentSettings {
        if (!authorizer.equals("iam") && !authorizer.equals("jwt")) {
            throw new IllegalArgumentException("context authorizer must be iam or jwt, not " + authorizer);
        }
        if (authorizer.equals("jwt") && (jwtIssuer == null || jwtAudience.isEmpty())) {
            throw new IllegalArgumentException("authorizer=jwt needs context jwtIssuer and jwtAudience");
        }
        if (!RETENTION_DAYS.contains(logRetentionDays)) {
            throw new IllegalArgumentException("logRetentionDays must be one of " + RETENTION_DAYS);
        }
        if (memorySize < 128 || memorySize > 10_240) {
            throw new IllegalArgumentException("memorySize must be from 128 to 10240 MB");
        }
        for (String cms : webhookCms) {
            if (!CMS.contains(cms)) {
                throw new IllegalArgumentException("webhookCms: unknown CMS \"" + cms + "\"; known: " + CMS);
            }
        }
        for (String key : functionEnv.keySet()) {
            if (!key.startsWith("PRECIS_")) {
                throw new IllegalArgumentException("functionEnv sets precis settings only (PRECIS_…), not " + key);
            }
        }
        webhookCms = List.copyOf(webhookCms);
        readableSecrets = List.copyOf(readableSecrets);
        functionEnv = Map.copyOf(functionEnv);
    }

    public static DeploymentSettings fromContext(Function<String, Object> context) {
        return new DeploymentSettings(
                text(context, "functionZip", "../target/function.zip"),
                text(context, "stageName", "$default"),
                number(context, "memorySize", 512),
                text(context, "authorizer", "iam"),
                text(context, "jwtIssuer", null),
                list(context, "jwtAudience"),
                text(context, "alarmEmail", null),
                number(context, "logRetentionDays", 30),
                list(context, "corsOrigins"),
                number(context, "throttleRateLimit", 50),
                number(context, "throttleBurstLimit", 100),
                list(context, "webhookCms"),
                text(context, "webhookSecretPrefix", "precis/webhooks/"),
                number(context, "webhookRateLimit", 10),
                number(context, "webhookBurstLimit", 20),
                list(context, "readableSecrets"),
                pairs(context, "functionEnv"),
                BulkSettings.fromContext(context),
                LlmSettings.fromContext(context));
    }

    /** {@code KEY=value;KEY=value}: semicolons, since setting values may hold commas. */
    private static Map<String, String> pairs(Function<String, Object> context, String key) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String pair : text(context, key, "").split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("context " + key + " takes KEY=value pairs separated by ';'");
            }
            pairs.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
        }
        return pairs;
    }

    static String text(Function<String, Object> context, String key, String fallback) {
        Object value = context.apply(key);
        return value == null || value.toString().isBlank() ? fallback : value.toString().strip();
    }

    static int number(Function<String, Object> context, String key, int fallback) {
        Object value = context.apply(key);
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        try {
            return value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("context " + key + " must be a whole number, not " + value, e);
        }
    }

    static List<String> list(Function<String, Object> context, String key) {
        String value = text(context, key, "");
        return value.isEmpty() ? List.of() : Arrays.stream(value.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }
}

package dev.precis.config;

import dev.precis.api.RequestLimits;
import dev.precis.app.SweepDefaults;
import dev.precis.engine.EmbeddedEngine;
import dev.precis.ingest.fetch.FetchSettings;
import org.eclipse.microprofile.config.Config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Everything configurable, read from MicroProfile Config ({@code application.properties}, overridable by
 * environment variables such as {@code PRECIS_LIMITS_BODY_MAX_CODE_POINTS}). The Lambda function and the
 * CLI read the same keys through {@link #from(Config)}.
 */
public record PrecisSettings(RequestLimits limits, Set<String> disabledStages, String version, FetchSettings fetch,
                             SweepDefaults sweep, int queueWorkers, Duration invocationTimeout) {

    private static final Duration DEFAULT_SWEEP_WINDOW = Duration.ofMinutes(15);
    private static final int DEFAULT_MAX_INLINE = 10;
    /** Queue records are analyzed a few at a time: fetching pages waits on the network more than on the CPU. */
    private static final int DEFAULT_QUEUE_WORKERS = 4;
    /** The function's timeout as the stack sets it; queue and batch work stops short of it. */
    private static final Duration DEFAULT_INVOCATION_TIMEOUT = Duration.ofSeconds(29);

    public static PrecisSettings from(Config config) {
        RequestLimits defaults = RequestLimits.defaults();
        RequestLimits limits = new RequestLimits(
                integer(config, "precis.limits.body-max-code-points", defaults.bodyMaxCodePoints()),
                integer(config, "precis.limits.html-max-code-points", defaults.htmlMaxCodePoints()),
                integer(config, "precis.limits.title-max-code-points", defaults.titleMaxCodePoints()),
                integer(config, "precis.limits.id-max-code-points", defaults.idMaxCodePoints()));
        Set<String> disabled = new TreeSet<>(list(config, "precis.engine.disabled-stages"));
        for (String stage : disabled) {
            if (!EmbeddedEngine.STAGE_NAMES.contains(stage)) {
                throw new IllegalArgumentException("precis.engine.disabled-stages: unknown stage \"" + stage
                        + "\"; stages are " + EmbeddedEngine.STAGE_NAMES);
            }
        }
        String version = buildVersion();
        FetchSettings fetchDefaults = FetchSettings.defaults("precis/" + version + " (article brief service)");
        FetchSettings fetch = new FetchSettings(
                list(config, "precis.fetch.allow-hosts"),
                config.getOptionalValue("precis.fetch.ports", String.class).map(PrecisSettings::ports)
                        .orElse(fetchDefaults.ports()),
                config.getOptionalValue("precis.fetch.user-agent", String.class).filter(s -> !s.isBlank())
                        .orElse(fetchDefaults.userAgent()),
                duration(config, "precis.fetch.connect-timeout", fetchDefaults.connectTimeout()),
                duration(config, "precis.fetch.timeout", fetchDefaults.timeout()),
                config.getOptionalValue("precis.fetch.max-bytes", Long.class).orElse(fetchDefaults.maxBytes()),
                fetchDefaults.maxRedirects());
        SweepDefaults sweep = new SweepDefaults(
                config.getOptionalValue("precis.sweep.sources", String.class).map(SweepSources::parse).orElse(List.of()),
                duration(config, "precis.sweep.window", DEFAULT_SWEEP_WINDOW),
                config.getOptionalValue("precis.sweep.max-inline", Integer.class).orElse(DEFAULT_MAX_INLINE));
        return new PrecisSettings(limits, Set.copyOf(disabled), version, fetch, sweep,
                config.getOptionalValue("precis.queue.workers", Integer.class).orElse(DEFAULT_QUEUE_WORKERS),
                duration(config, "precis.invocation.timeout", DEFAULT_INVOCATION_TIMEOUT));
    }

    private static int integer(Config config, String key, int fallback) {
        return config.getOptionalValue(key, Integer.class).orElse(fallback);
    }

    private static List<String> list(Config config, String key) {
        return config.getOptionalValues(key, String.class).orElse(List.of()).stream()
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Set<Integer> ports(String value) {
        return java.util.Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(Integer::valueOf).collect(Collectors.toUnmodifiableSet());
    }

    private static Duration duration(Config config, String key, Duration fallback) {
        return config.getOptionalValue(key, String.class).map(value -> Durations.parse(key, value)).orElse(fallback);
    }

    /** The project version, written into a resource by the Maven build. */
    static String buildVersion() {
        try (InputStream in = PrecisSettings.class.getResourceAsStream("/precis-version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.precis.config;

import dev.precis.api.RequestLimits;
import dev.precis.engine.EmbeddedEngine;
import org.eclipse.microprofile.config.Config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything configurable, read from MicroProfile Config ({@code application.properties}, overridable by
 * environment variables such as {@code PRECIS_LIMITS_BODY_MAX_CODE_POINTS}). The Lambda function and the
 * CLI read the same keys through {@link #from(Config)}.
 */
public record PrecisSettings(RequestLimits limits, Set<String> disabledStages, String version) {

    public static PrecisSettings from(Config config) {
        RequestLimits defaults = RequestLimits.defaults();
        RequestLimits limits = new RequestLimits(
                config.getOptionalValue("precis.limits.body-max-code-points", Integer.class).orElse(defaults.bodyMaxCodePoints()),
                config.getOptionalValue("precis.limits.title-max-code-points", Integer.class).orElse(defaults.titleMaxCodePoints()),
                config.getOptionalValue("precis.limits.id-max-code-points", Integer.class).orElse(defaults.idMaxCodePoints()));
        Set<String> disabled = new TreeSet<>(config.getOptionalValues("precis.engine.disabled-stages", String.class)
                .orElse(List.of()));
        for (String stage : disabled) {
            if (!EmbeddedEngine.STAGE_NAMES.contains(stage)) {
                throw new IllegalArgumentException("precis.engine.disabled-stages: unknown stage \"" + stage
                        + "\"; stages are " + EmbeddedEngine.STAGE_NAMES);
            }
        }
        return new PrecisSettings(limits, Set.copyOf(disabled), buildVersion());
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

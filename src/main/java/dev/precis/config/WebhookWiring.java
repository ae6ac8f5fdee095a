package dev.precis.config;

import dev.precis.deliver.Delivery;
import dev.precis.deliver.callback.SignedCallback;
import dev.precis.deliver.cms.ContentfulWriter;
import dev.precis.deliver.cms.GhostWriter;
import dev.precis.deliver.cms.RecentWrites;
import dev.precis.deliver.cms.SanityWriter;
import dev.precis.deliver.cms.StrapiWriter;
import dev.precis.deliver.cms.WordPressWriter;
import dev.precis.deliver.cms.WriteBack;
import dev.precis.ingest.cms.CmsProfile;
import dev.precis.ingest.cms.CmsReader;
import dev.precis.ingest.cms.FieldMap;
import dev.precis.ingest.cms.WebhookSource;
import dev.precis.ingest.cms.contentful.ContentfulProfile;
import dev.precis.ingest.cms.contentful.ContentfulReader;
import dev.precis.ingest.cms.generic.GenericProfile;
import dev.precis.ingest.cms.ghost.GhostProfile;
import dev.precis.ingest.cms.ghost.GhostReader;
import dev.precis.ingest.cms.sanity.SanityProfile;
import dev.precis.ingest.cms.sanity.SanityReader;
import dev.precis.ingest.cms.strapi.StrapiProfile;
import dev.precis.ingest.cms.strapi.StrapiReader;
import dev.precis.ingest.cms.wordpress.WordPressProfile;
import dev.precis.ingest.cms.wordpress.WordPressReader;
import dev.precis.net.GuardedHttpClient;
import dev.precis.net.JsonHttp;
import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads the webhook and CMS settings (SPEC §11 and §13): a route per CMS whose secret is set
 * ({@code precis.webhooks.<cms>.secret}, for Strapi {@code .token}), its field overrides, its read API and
 * write-back ({@code precis.cms.<cms>.*}) when configured, and the signed callback
 * ({@code precis.deliver.callback.*}). A missing setting is reported at start-up; credentials, which may name
 * Secrets Manager or Parameter Store entries, are read on first use.
 */
final class WebhookWiring {

    static final List<CmsProfile> PROFILES = List.of(new GhostProfile(), new WordPressProfile(), new ContentfulProfile(),
            new SanityProfile(), new StrapiProfile(), new GenericProfile());
    private static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);
    private static final double DEFAULT_NEW_TAG_MIN_SCORE = 0.5;

    private final Config config;
    private final Secrets secrets;
    private final JsonHttp apis;
    private final GuardedHttpClient outbound;
    private final RecentWrites recentWrites = new RecentWrites(Clock.systemUTC());

    WebhookWiring(Config config, Secrets secrets, JsonHttp apis, GuardedHttpClient outbound) {
        this.config = config;
        this.secrets = secrets;
        this.apis = apis;
        this.outbound = outbound;
    }

    /** A route per CMS whose secret is configured; the secret itself is read on first use. */
    Map<String, WebhookSource> sources() {
        Map<String, WebhookSource> sources = new LinkedHashMap<>();
        for (CmsProfile profile : PROFILES) {
            String cms = profile.name();
            String secretKey = "precis.webhooks." + cms + (cms.equals("strapi") ? ".token" : ".secret");
            Supplier<String> secret = secrets.value(secretKey, text(secretKey));
            if (secret == null) {
                continue;
            }
            FieldMap fields = profile.defaults(locale()).withOverrides(fieldOverrides("precis.webhooks." + cms + ".fields."));
            if (cms.equals("generic") && !fields.names("body") && !fields.names("url")) {
                throw new IllegalArgumentException("precis.webhooks.generic needs a mapping: set precis.webhooks.generic.fields.body "
                        + "(or .url) to a JSON Pointer into the payload");
            }
            String siteUrl = text("precis.webhooks." + cms + ".site-url");
            String collection = cms.equals("strapi") ? text("precis.cms.strapi.collection") : null;
            sources.put(cms, new WebhookSource(profile, secret, fields, siteUrl, reader(cms, siteUrl), collection));
        }
        return sources;
    }

    /** The write-back of each CMS asked to write something; missing settings fail here, at start-up. */
    Map<String, Supplier<Delivery>> writers() {
        Map<String, Supplier<Delivery>> writers = new LinkedHashMap<>();
        for (CmsProfile profile : PROFILES) {
            Supplier<Delivery> writer = writer(profile.name());
            if (writer != null) {
                writers.put(profile.name(), writer);
            }
        }
        return writers;
    }

    Duration tolerance() {
        return config.getOptionalValue("precis.webhooks.tolerance", String.class)
                .map(value -> Durations.parse("precis.webhooks.tolerance", value)).orElse(DEFAULT_TOLERANCE);
    }

    /** The read API of a CMS for thin deliveries, when its address and credentials are configured. */
    private Supplier<CmsReader> reader(String cms, String siteUrl) {
        String prefix = "precis.cms." + cms + ".";
        String base = text(prefix + "base-url");
        return switch (cms) {
            case "wordpress" -> {
                if (base == null) {
                    yield null;
                }
                String user = text(prefix + "username");
                Supplier<String> password = user == null ? null : secretSetting(prefix + "app-password");
                yield Lazy.of(() -> new WordPressReader(apis, base, user, password == null ? null : password.get()));
            }
            case "ghost" -> {
                Supplier<String> key = optionalSecret(prefix + "content-key");
                yield base == null || key == null ? null : Lazy.of(() -> new GhostReader(apis, base, key.get()));
            }
            case "contentful" -> {
                Supplier<String> token = optionalSecret(prefix + "delivery-token");
                String space = text(prefix + "space");
                yield space == null || token == null ? null : Lazy.of(() -> new ContentfulReader(apis,
                        orDefault(text(prefix + "delivery-url"), "https://cdn.contentful.com"), space, environment(), token.get(),
                        locale(), siteUrl));
            }
            case "strapi" -> {
                Supplier<String> token = optionalSecret(prefix + "token");
                yield base == null || token == null ? null
                        : Lazy.of(() -> new StrapiReader(apis, base, token.get(), text(prefix + "collection"), siteUrl));
            }
            case "sanity" -> {
                Supplier<String> token = optionalSecret(prefix + "token");
                String dataset = text(prefix + "dataset");
                yield sanityBase() == null || dataset == null ? null : Lazy.of(() -> new SanityReader(apis, sanityBase(), dataset,
                        token == null ? null : token.get(), siteUrl));
            }
            default -> null;
        };
    }

    /** The write-back of a CMS, when it is asked to write something and has the settings to. */
    private Supplier<Delivery> writer(String cms) {
        String prefix = "precis.cms." + cms + ".";
        Set<String> fields = new LinkedHashSet<>(list(prefix + "write"));
        if (fields.isEmpty()) {
            return null;
        }
        WriteBack writeBack = new WriteBack(fields,
                config.getOptionalValue(prefix + "new-tag-min-score", Double.class).orElse(DEFAULT_NEW_TAG_MIN_SCORE),
                orDefault(text(prefix + "fields.tags"), "tags"), orDefault(text(prefix + "fields.excerpt"), "excerpt"));
        String base = text(prefix + "base-url");
        return switch (cms) {
            case "wordpress" -> {
                String url = required(base, prefix + "base-url");
                String user = required(text(prefix + "username"), prefix + "username");
                Supplier<String> password = secretSetting(prefix + "app-password");
                yield Lazy.of(() -> new WordPressWriter(apis, url, user, password.get(), writeBack, recentWrites));
            }
            case "ghost" -> {
                String url = required(base, prefix + "base-url");
                Supplier<String> key = secretSetting(prefix + "admin-key");
                yield Lazy.of(() -> new GhostWriter(apis, url, key.get(), writeBack, Clock.systemUTC(), recentWrites));
            }
            case "contentful" -> {
                String space = required(text(prefix + "space"), prefix + "space");
                Supplier<String> token = secretSetting(prefix + "management-token");
                yield Lazy.of(() -> new ContentfulWriter(apis, orDefault(base, "https://api.contentful.com"), space, environment(),
                        token.get(), locale(), writeBack, recentWrites));
            }
            case "strapi" -> {
                String url = required(base, prefix + "base-url");
                Supplier<String> token = secretSetting(prefix + "token");
                yield Lazy.of(() -> new StrapiWriter(apis, url, token.get(), writeBack, recentWrites));
            }
            case "sanity" -> {
                String url = required(sanityBase(), prefix + "project-id");
                String dataset = required(text(prefix + "dataset"), prefix + "dataset");
                Supplier<String> token = secretSetting(prefix + "token");
                yield Lazy.of(() -> new SanityWriter(apis, url, dataset, token.get(), writeBack, recentWrites));
            }
            default -> throw new IllegalArgumentException(prefix + "write: " + cms + " has no write-back");
        };
    }

    /** The signed callback, when its URL is configured; its secret is required then. */
    Supplier<Delivery> callback() {
        String url = text("precis.deliver.callback.url");
        if (url == null) {
            return null;
        }
        Supplier<String> secret = secretSetting("precis.deliver.callback.secret");
        Duration timeout = config.getOptionalValue("precis.deliver.callback.timeout", String.class)
                .map(value -> Durations.parse("precis.deliver.callback.timeout", value)).orElse(Duration.ofSeconds(20));
        // Jitter is drawn per call, not from a generator seeded at start-up, which a SnapStart snapshot would
        // hand to every restored container alike.
        RandomGenerator random = () -> ThreadLocalRandom.current().nextLong();
        return Lazy.of(() -> new SignedCallback(outbound, URI.create(url), secret.get(), timeout, Clock.systemUTC(), random,
                duration -> Thread.sleep(duration.toMillis())));
    }

    private String sanityBase() {
        String base = text("precis.cms.sanity.base-url");
        String project = text("precis.cms.sanity.project-id");
        return base != null ? base : project == null ? null : "https://" + project + ".api.sanity.io";
    }

    private String locale() {
        return orDefault(text("precis.webhooks.contentful.locale"), "en-US");
    }

    private String environment() {
        return orDefault(text("precis.cms.contentful.environment"), "master");
    }

    /** A credential that must be configured: checked now, read (from AWS when it names a secret) on first use. */
    private Supplier<String> secretSetting(String key) {
        Supplier<String> value = secrets.value(key, text(key));
        if (value == null) {
            throw new IllegalArgumentException(key + " is not set");
        }
        return value;
    }

    /** A credential that may be left out; null when it is. */
    private Supplier<String> optionalSecret(String key) {
        return secrets.value(key, text(key));
    }

    private static String required(String value, String key) {
        if (value == null) {
            throw new IllegalArgumentException(key + " is not set");
        }
        return value;
    }

    private Map<String, String> fieldOverrides(String prefix) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String field : FieldMap.FIELDS) {
            String pointer = text(prefix + field);
            if (pointer != null) {
                overrides.put(field, pointer);
            }
        }
        return overrides;
    }

    private String text(String key) {
        return config.getOptionalValue(key, String.class).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
    }

    private List<String> list(String key) {
        return config.getOptionalValues(key, String.class).orElse(List.of()).stream()
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}

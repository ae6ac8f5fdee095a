package dev.precis.ingest.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads what a page says about itself (SPEC §10) from the places publishers put it: Open Graph and
 * {@code article:*} meta tags, JSON-LD, microdata, {@code <time>} and {@code <link rel=canonical>}. Each field
 * takes the first place that has it, in the order social and search crawlers trust them.
 */
final class MetadataReader {

    private static final int MAX_AUTHORS = 10;
    private static final int MAX_FIELD_CHARS = 1_000;
    /** Separators between a page title and the site's name ("Storm hits coast | The Daily"). */
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-–—:·»/]{1,2}\\s+");
    private static final DateTimeFormatter OFFSET_WITHOUT_COLON = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).appendPattern("[XX][X]").toFormatter(Locale.ROOT);

    private MetadataReader() {
    }

    static PageMetadata read(Document document, JsonNode article) {
        JsonNode ld = article == null ? MissingNode.getInstance() : article;
        String siteName = first(meta(document, "og:site_name"), StructuredData.text(ld.path("publisher"), "name"),
                meta(document, "application-name"));
        String title = first(meta(document, "og:title"), meta(document, "twitter:title"),
                StructuredData.text(ld.path("headline"), "name"), firstH1(document), pageTitle(document, siteName));
        return new PageMetadata(
                title,
                authors(document, ld),
                date(first(StructuredData.text(ld.path("datePublished"), "@value"), meta(document, "article:published_time"),
                        itemprop(document, "datePublished"), meta(document, "og:published_time"),
                        meta(document, "pubdate"), meta(document, "publish-date"), meta(document, "dc.date"),
                        meta(document, "date"), timeElement(document))),
                date(first(StructuredData.text(ld.path("dateModified"), "@value"), meta(document, "article:modified_time"),
                        meta(document, "og:updated_time"), itemprop(document, "dateModified"))),
                absolute(document, first(attribute(document.selectFirst("link[rel~=(?i)^canonical$][href]"), "href"),
                        meta(document, "og:url"))),
                siteName,
                first(attribute(document.selectFirst("html[lang]"), "lang"),
                        meta(document, "content-language"), StructuredData.text(ld.path("inLanguage"), "name"),
                        meta(document, "og:locale")),
                first(meta(document, "og:description"), meta(document, "description"),
                        StructuredData.text(ld.path("description"), "name"), meta(document, "twitter:description")),
                absolute(document, first(meta(document, "og:image"), meta(document, "twitter:image"),
                        StructuredData.text(ld.path("image"), "url"))));
    }

    /** The article body the page declares in its structured data, or null. */
    static String structuredBody(JsonNode article) {
        return article == null ? null : StructuredData.text(article.path("articleBody"), "@value");
    }

    private static List<String> authors(Document document, JsonNode ld) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : StructuredData.texts(ld.path("author"), "name")) {
            addName(names, name);
        }
        if (names.isEmpty()) {
            addName(names, meta(document, "author"));
            addName(names, meta(document, "article:author"));
            addName(names, meta(document, "dc.creator"));
        }
        if (names.isEmpty()) {
            for (Element author : document.select("[itemprop=author] [itemprop=name], [rel=author]")) {
                addName(names, author.text());
            }
        }
        return new ArrayList<>(names).subList(0, Math.min(MAX_AUTHORS, names.size()));
    }

    /** An author entry that is a profile URL or empty names nobody. */
    private static void addName(Set<String> names, String value) {
        if (value == null) {
            return;
        }
        String name = clean(value);
        if (name != null && !name.contains("://") && !name.startsWith("www.") && name.length() <= 200) {
            names.add(name);
        }
    }

    private static String meta(Document document, String key) {
        for (Element meta : document.head().select("meta[content]")) {
            if (key.equalsIgnoreCase(meta.attr("property")) || key.equalsIgnoreCase(meta.attr("name"))
                    || key.equalsIgnoreCase(meta.attr("http-equiv")) || key.equalsIgnoreCase(meta.attr("itemprop"))) {
                String value = clean(meta.attr("content"));
                if (value != null) {
                    return value;
                }
            }
        }
        return null;
    }

    private static String itemprop(Document document, String name) {
        Element element = document.selectFirst("[itemprop=" + name + "]");
        if (element == null) {
            return null;
        }
        return clean(first(element.attr("content"), element.attr("datetime"), element.text()));
    }

    private static String timeElement(Document document) {
        Element time = document.selectFirst("article time[datetime], time[pubdate][datetime], time[datetime]");
        return time == null ? null : clean(time.attr("datetime"));
    }

    private static String firstH1(Document document) {
        Element h1 = document.body() == null ? null : document.body().selectFirst("h1");
        return h1 == null ? null : clean(h1.text());
    }

    /** The {@code <title>} without the site's name: the longest of its parts when separators divide it. */
    private static String pageTitle(Document document, String siteName) {
        String title = clean(document.title());
        if (title == null) {
            return null;
        }
        String best = null;
        for (String part : TITLE_SEPARATOR.split(title)) {
            String candidate = part.strip();
            if (siteName != null && candidate.equalsIgnoreCase(siteName)) {
                continue;
            }
            if (best == null || candidate.length() > best.length()) {
                best = candidate;
            }
        }
        return best == null || best.isEmpty() ? title : best;
    }

    private static String attribute(Element element, String name) {
        return element == null ? null : clean(element.attr(name));
    }

    private static String absolute(Document document, String url) {
        if (url == null) {
            return null;
        }
        Element anchor = document.createElement("a").attr("href", url);
        anchor.setBaseUri(document.location());
        String resolved = anchor.absUrl("href");
        String result = resolved.isEmpty() ? url : resolved;
        return result.startsWith("http://") || result.startsWith("https://") ? result : null;
    }

    /**
     * A date as RFC 3339 when the page gives one precisely enough: with an offset as given, a local time or
     * a date as written. Anything else is left out rather than guessed.
     */
    static String date(String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            // other shapes below
        }
        try {
            return OffsetDateTime.parse(text, OFFSET_WITHOUT_COLON).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            // other shapes below
        }
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toOffsetDateTime()
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            // other shapes below
        }
        try {
            return LocalDateTime.parse(text).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        } catch (DateTimeParseException e) {
            // other shapes below
        }
        try {
            return LocalDate.parse(text.length() >= 10 ? text.substring(0, 10) : text).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T value : values) {
            if (value != null && !(value instanceof String s && s.isBlank())) {
                return value;
            }
        }
        return null;
    }

    /** Folds white space, and bounds the length: page metadata is echoed in the brief. */
    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String folded = ParagraphWriter.collapse(value);
        if (folded.isEmpty()) {
            return null;
        }
        return folded.length() > MAX_FIELD_CHARS ? folded.substring(0, MAX_FIELD_CHARS) : folded;
    }
}

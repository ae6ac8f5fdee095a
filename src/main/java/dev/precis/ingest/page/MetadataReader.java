package dev.precis.ingest.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.precis.ingest.Timestamps;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

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

    private MetadataReader() {
    }

    static PageMetadata read(Document document, PageMarks marks, JsonNode article) {
        JsonNode ld = article == null ? MissingNode.getInstance() : article;
        List<Element> metas = marks.metas;
        String siteName = first(meta(metas, "og:site_name"), StructuredData.text(ld.path("publisher"), "name"),
                meta(metas, "application-name"));
        String title = first(meta(metas, "og:title"), meta(metas, "twitter:title"),
                StructuredData.text(ld.path("headline"), "name"), marks.firstH1 == null ? null : clean(text(marks.firstH1)),
                pageTitle(document, siteName));
        return new PageMetadata(
                title,
                authors(marks, ld),
                date(first(StructuredData.text(ld.path("datePublished"), "@value"), meta(metas, "article:published_time"),
                        itemprop(marks.published), meta(metas, "og:published_time"),
                        meta(metas, "pubdate"), meta(metas, "publish-date"), meta(metas, "dc.date"),
                        meta(metas, "date"), attribute(marks.time(), "datetime"))),
                date(first(StructuredData.text(ld.path("dateModified"), "@value"), meta(metas, "article:modified_time"),
                        meta(metas, "og:updated_time"), itemprop(marks.modified))),
                absolute(document, first(attribute(marks.canonical, "href"),
                        meta(metas, "og:url"))),
                siteName,
                first(attribute(document.children().first(), "lang"),
                        meta(metas, "content-language"), StructuredData.text(ld.path("inLanguage"), "name"),
                        meta(metas, "og:locale")),
                first(meta(metas, "og:description"), meta(metas, "description"),
                        StructuredData.text(ld.path("description"), "name"), meta(metas, "twitter:description")),
                absolute(document, first(meta(metas, "og:image"), meta(metas, "twitter:image"),
                        StructuredData.text(ld.path("image"), "url"))));
    }

    /** The article body the page declares in its structured data, or null. */
    static String structuredBody(JsonNode article) {
        return article == null ? null : StructuredData.text(article.path("articleBody"), "@value");
    }

    private static List<String> authors(PageMarks marks, JsonNode ld) {
        List<Element> metas = marks.metas;
        Set<String> names = new LinkedHashSet<>();
        for (String name : StructuredData.texts(ld.path("author"), "name")) {
            addName(names, name);
        }
        if (names.isEmpty()) {
            addName(names, meta(metas, "author"));
            addName(names, meta(metas, "article:author"));
            addName(names, meta(metas, "dc.creator"));
        }
        if (names.isEmpty()) {
            for (Element author : marks.authorNames) {
                addName(names, text(author));
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

    private static String meta(List<Element> metas, String key) {
        for (Element meta : metas) {
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

    private static String itemprop(Element element) {
        if (element == null) {
            return null;
        }
        return clean(first(element.attr("content"), element.attr("datetime"), text(element)));
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

    static String date(String value) {
        return Timestamps.rfc3339(value);
    }

    /**
     * An element's text up to a little more than any field keeps: metadata elements can be nested around a
     * whole page, and reading all of it for each would cost quadratic time.
     */
    private static String text(Element element) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (out.length() > MAX_FIELD_CHARS) {
                    return FilterResult.STOP;
                }
                if (node instanceof TextNode text) {
                    out.append(text.getWholeText());
                } else if (node instanceof Element block && block.isBlock()) {
                    out.append(' ');
                }
                return FilterResult.CONTINUE;
            }
        }, element);
        return out.toString();
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

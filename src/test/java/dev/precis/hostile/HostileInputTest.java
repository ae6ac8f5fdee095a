package dev.precis.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.SchemaAssert;
import dev.precis.api.ArticleRequestReader;
import dev.precis.api.Json;
import dev.precis.api.RequestLimits;
import dev.precis.app.AppFixture;
import dev.precis.function.EventDispatcher;
import dev.precis.function.LambdaEvent;
import dev.precis.function.Outcome;
import dev.precis.function.Services;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inputs shaped to make a parser or a scorer go quadratic, recurse or blow up, each at or near the size
 * limits. Every one must get an answer (a brief or a problem, never an internal error) within 2 s.
 */
class HostileInputTest {

    private static final int TEXT_LIMIT = RequestLimits.defaults().bodyMaxCodePoints();
    private static final int HTML_LIMIT = RequestLimits.defaults().htmlMaxCodePoints();
    private static EventDispatcher dispatcher;

    @BeforeAll
    static void warmUp() {
        dispatcher = new EventDispatcher(Services.forRequests(new ArticleRequestReader(RequestLimits.defaults()),
                AppFixture.BRIEFS, null, "test"));
        dispatcher.dispatch(event("<p>Warm the parsers up with one short paragraph of text.</p>", "html"));
        dispatcher.dispatch(event("# Warm\n\nThe Markdown parser too, *once*.", "markdown"));
    }

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("combining marks", "a" + "\u0301".repeat(TEXT_LIMIT - 1), "text"),
                Arguments.of("combining marks in html", "<p>a" + "\u0301".repeat(HTML_LIMIT - 10) + "</p>", "html"),
                Arguments.of("no space or punctuation", "x".repeat(TEXT_LIMIT), "text"),
                Arguments.of("no space in a spaceless script", "漢".repeat(TEXT_LIMIT), "auto"),
                Arguments.of("one endless sentence", "word ".repeat(TEXT_LIMIT / 5), "text"),
                Arguments.of("periods everywhere", "a.".repeat(TEXT_LIMIT / 2), "text"),
                Arguments.of("capitals everywhere", "Aa ".repeat(TEXT_LIMIT / 3), "text"),
                Arguments.of("quotes everywhere", "\"“”‘’«»".repeat(TEXT_LIMIT / 7), "text"),
                Arguments.of("broken surrogates", "\uD800x".repeat(TEXT_LIMIT / 2), "text"),
                Arguments.of("binary junk", junk(TEXT_LIMIT), "text"),
                Arguments.of("every script", everyScript(TEXT_LIMIT), "auto"),
                Arguments.of("deeply nested elements", "<div>".repeat(250_000) + "Deep words." + "</div>".repeat(250_000), "html"),
                Arguments.of("unclosed tags", "<div><span><p><b><i><ul><li><table><td>".repeat(60_000) + "Last words.", "html"),
                Arguments.of("nested blocks of one kind", "<div class=\"c\"><p>A paragraph of thirty letters.".repeat(60_000), "html"),
                Arguments.of("siblings of one kind", "<div class=\"c\"><p>A paragraph of thirty letters.</p></div>".repeat(50_000), "html"),
                Arguments.of("huge attribute", "<p title=\"" + "x".repeat(HTML_LIMIT - 100) + "\">Short words here.</p>", "html"),
                Arguments.of("many attributes", "<p" + " a=b".repeat(HTML_LIMIT / 5) + ">Short words here.</p>", "html"),
                Arguments.of("line breaks", "word<br>".repeat(HTML_LIMIT / 8), "html"),
                Arguments.of("table cells", "<table><tr>" + "<td>cell</td>".repeat(HTML_LIMIT / 14) + "</tr></table>", "html"),
                Arguments.of("nested structured data", "<script type=\"application/ld+json\">" + "[".repeat(HTML_LIMIT / 2)
                        + "</script><p>Words here.</p>", "html"),
                Arguments.of("unclosed comment", "<p>Words here.</p><!--" + "x".repeat(HTML_LIMIT - 30), "html"),
                Arguments.of("entities", "&amp;&#x1F600;&nbsp;&bogus;".repeat(HTML_LIMIT / 25), "html"),
                Arguments.of("emphasis", "*a".repeat(TEXT_LIMIT / 2), "markdown"),
                Arguments.of("mixed emphasis", "**_".repeat(TEXT_LIMIT / 3), "markdown"),
                Arguments.of("open brackets", "[".repeat(TEXT_LIMIT), "markdown"),
                Arguments.of("open links", "[a](".repeat(TEXT_LIMIT / 4), "markdown"),
                Arguments.of("nested links", "[".repeat(TEXT_LIMIT / 2 - 10) + "a" + "](b)".repeat(10), "markdown"),
                Arguments.of("backticks", "`a``".repeat(TEXT_LIMIT / 4), "markdown"),
                Arguments.of("nested quotes and lists", "> - ".repeat(TEXT_LIMIT / 4), "markdown"),
                Arguments.of("reference definitions", "[a]: http://x\n".repeat(TEXT_LIMIT / 14), "markdown"),
                Arguments.of("html inside markdown", "<div>\n".repeat(TEXT_LIMIT / 6), "markdown"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    @Timeout(value = 2, unit = TimeUnit.SECONDS)
    void answersQuicklyWithABriefOrAProblem(String name, String body, String format) {
        Outcome outcome = dispatcher.dispatch(event(body, format));
        JsonNode answer = outcome.response();
        assertThat(outcome.status()).as(name).isIn(200, 413, 422);
        if (outcome.status() == 200) {
            SchemaAssert.assertValidBrief(answer);
        } else {
            assertThat(answer.get("type").asText()).startsWith("urn:precis:problem:");
        }
    }

    private static LambdaEvent event(String body, String format) {
        ObjectNode request = Json.MAPPER.createObjectNode();
        request.put("body", body);
        request.put("format", format);
        return LambdaEvent.of(request);
    }

    private static String junk(int length) {
        Random random = new Random(42);
        StringBuilder out = new StringBuilder(length);
        while (out.length() < length) {
            out.append((char) random.nextInt(0x3000));
        }
        return out.toString();
    }

    /** Letters of every script Unicode knows, in runs of five separated by spaces. */
    private static String everyScript(int length) {
        StringBuilder out = new StringBuilder(length);
        int cp = 0x41;
        while (out.length() < length - 3) {
            cp = cp >= Character.MAX_CODE_POINT ? 0x41 : cp + 1;
            if (Character.isLetter(cp)) {
                out.appendCodePoint(cp);
                if (cp % 5 == 0) {
                    out.append(' ');
                }
            }
        }
        return out.toString();
    }
}

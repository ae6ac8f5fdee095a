package dev.precis.engine.text;

import dev.precis.api.Format;

import java.util.ArrayList;
import java.util.List;

/** Reads a body in any supported format into a {@link NormalizedBody}. */
public final class BodyExtractor {

    static final String PARAGRAPH_SEPARATOR = "\n\n";

    private final ParagraphSource plain = new PlainTextParagraphs();
    private final ParagraphSource html = new HtmlParagraphs();
    private final ParagraphSource markdown = new MarkdownParagraphs();

    public NormalizedBody extract(String body, Format requested) {
        Format format = requested == Format.AUTO ? FormatDetector.detect(body) : requested;
        ParagraphSource source = switch (format) {
            case HTML -> html;
            case MARKDOWN -> markdown;
            default -> plain;
        };
        StringBuilder text = new StringBuilder(body.length());
        List<TextSpan> spans = new ArrayList<>();
        int dropped = 0;
        for (String raw : source.paragraphs(body)) {
            String paragraph = TextNormalizer.normalizeParagraph(raw);
            if (!hasWord(paragraph)) {
                continue;
            }
            if (BoilerplateFilter.isBoilerplate(paragraph)) {
                dropped++;
                continue;
            }
            if (text.length() > 0) {
                text.append(PARAGRAPH_SEPARATOR);
            }
            spans.add(new TextSpan(text.length(), text.length() + paragraph.length()));
            text.append(paragraph);
        }
        return new NormalizedBody(text.toString(), List.copyOf(spans), format, dropped);
    }

    /** Whether the text holds at least one letter or digit, in any script. */
    public static boolean hasWord(CharSequence text) {
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            if (Character.isLetterOrDigit(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }
}

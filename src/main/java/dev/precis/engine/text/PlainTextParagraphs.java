package dev.precis.engine.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Blank lines separate paragraphs; where a text has none, each line is a paragraph, since feeds and
 * CMS exports often write one paragraph per line.
 */
public final class PlainTextParagraphs implements ParagraphSource {

    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\u00A0]*\\n");
    private static final Pattern LINE_BREAK = Pattern.compile("\\n");

    @Override
    public List<String> paragraphs(String body) {
        String unified = body.replace("\r\n", "\n").replace('\r', '\n').replace('\u2029', '\n').replace('\u2028', '\n');
        Pattern separator = BLANK_LINE.matcher(unified).find() ? BLANK_LINE : LINE_BREAK;
        List<String> paragraphs = new ArrayList<>();
        for (String part : separator.split(unified)) {
            if (!part.isBlank()) {
                paragraphs.add(part);
            }
        }
        return paragraphs;
    }
}

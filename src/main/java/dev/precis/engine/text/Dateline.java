package dev.precis.engine.text;


import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wire dateline that opens many stories ("LONDON (Reuters) -", "Baghdad, Iraq (CNN)", "WASHINGTON —").
 * It tells where and from whom, not what happened, so a summary sentence starts after it. A parenthesis
 * only counts as a credit when a dash or the story's capitalized first word follows it, so "Apple (AAPL)
 * shares rose" keeps its words.
 */
public final class Dateline {

    /** Capitalized words, then up to two comma parts that may hold a date: "LONDON, May 3", "Baghdad, Iraq". */
    private static final String WORD = "\\p{Lu}[\\p{L}.'’-]*+";
    private static final String PLACE = WORD + "(?: " + WORD + "){0,4}(?:, ?(?:" + WORD + "|\\d++)(?: (?:" + WORD
            + "|\\d++)){0,3}){0,2}";
    private static final String CREDIT = "\\(\\p{Lu}[\\p{L}.&'’ ]{0,40}\\)";
    private static final String DASH = "\\s*[-–—]{1,2}\\s+";
    private static final Pattern CREDITED = Pattern.compile(
            "^(?:" + PLACE + " ?)?" + CREDIT + "(?:" + DASH + "|\\s+(?=[\\p{Lu}\\d\"“]))");
    /**
     * "WASHINGTON —", "NEW YORK, D.C. -", "MEMPHIS, Tenn. –", "MBABANE, Swaziland -": the place in capitals, its
     * first word of three letters or more ("US - China" is none), then perhaps a state or country, after which
     * the story must start with a capital ("NATO, Russia - talks resumed" is a sentence).
     */
    private static final Pattern PLACE_IN_CAPITALS = Pattern.compile(
            "^\\p{Lu}{3,}+(?:[ ,.'’-]{1,2}\\p{Lu}++){0,4}(?:, \\p{Lu}[\\p{L}.]*+(?: \\p{Lu}[\\p{L}.]*+){0,2}\\.?" + DASH + "(?=[\\p{Lu}\\d\"“])|\\.?" + DASH + ")");
    private static final List<Pattern> DATELINES = List.of(CREDITED, PLACE_IN_CAPITALS);
    /** What follows a dateline must still be a sentence. */
    private static final int MIN_REST = 20;

    private Dateline() {
    }

    /** The sentence without a leading dateline, or the sentence itself. */
    public static TextSpan strip(String text, TextSpan sentence) {
        String words = sentence.of(text);
        int cut = datelineEnd(words);
        return cut > 0 && words.length() - cut >= MIN_REST
                ? new TextSpan(sentence.start() + cut, sentence.end()) : sentence;
    }

    private static int datelineEnd(String sentence) {
        for (Pattern pattern : DATELINES) {
            Matcher matcher = pattern.matcher(sentence);
            if (matcher.lookingAt()) {
                return matcher.end();
            }
        }
        return 0;
    }
}

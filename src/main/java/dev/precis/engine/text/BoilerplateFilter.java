package dev.precis.engine.text;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognizes paragraphs that belong to the page rather than the story: app and newsletter promotions,
 * share and read-more prompts, photo credits, lone bylines and copyright lines. Only short paragraphs
 * are candidates, so a story that merely mentions an app keeps its text.
 */
public final class BoilerplateFilter {

    private static final int MAX_WORDS = 30;
    /** Scripts without spaces make one "word" of a whole paragraph, so length is capped in characters too. */
    private static final int MAX_CHARS = 300;
    private static final List<Pattern> PATTERNS = List.of(
            // app and newsletter promotions
            Pattern.compile("\\b(?:get|download|install|try)\\b.{0,60}\\bapps?\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\b(?:sign up|subscribe|register)\\b.{0,80}\\b(?:newsletter|updates|alerts|inbox|briefing)\\b",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("^(?:subscribe|sign up)\\b", Pattern.CASE_INSENSITIVE),
            // prompts to go elsewhere
            Pattern.compile("^(?:(?:read more|read also|also read|more from|related(?: articles?| stories| coverage)?|"
                    + "recommended|share this|share on|follow us|click here|advertisement|sponsored|most read|trending)\\b"
                    + "|share:|watch:|listen:)", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bfollow (?:us|@\\w+) on\\b", Pattern.CASE_INSENSITIVE),
            // credits, bylines and copyright
            Pattern.compile("^(?:photo|photograph|image|picture|video|graphic|illustration)s?(?: credit)?\\s*(?::|by\\b|©)",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("^\\(?(?:photo|image|credit)s?:.*\\)?$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\b(?:getty images|reuters/|/reuters|afp/|/afp|ap photo|shutterstock|epa-efe)\\b",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("^[Bb][Yy]\\s+\\p{Lu}[\\p{L}.'’-]*(?:\\s+(?:\\p{Lu}[\\p{L}.'’-]*|and|&|de|van|von|al))*"
                    + "(?:\\s*[,|/–—-]\\s*.{0,60})?$"),
            Pattern.compile("^(?:reporting|writing|editing|additional reporting) by\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^(?:©|\\(c\\)|copyright\\b)|\\ball rights reserved\\b", Pattern.CASE_INSENSITIVE));

    private BoilerplateFilter() {
    }

    public static boolean isBoilerplate(String paragraph) {
        if (paragraph.length() > MAX_CHARS || countWords(paragraph) > MAX_WORDS) {
            return false;
        }
        for (Pattern pattern : PATTERNS) {
            if (pattern.matcher(paragraph).find()) {
                return true;
            }
        }
        return false;
    }

    private static int countWords(String paragraph) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < paragraph.length(); i++) {
            boolean space = paragraph.charAt(i) == ' ';
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }
}

package dev.precis.deliver.cms;

import dev.precis.api.Brief;

/**
 * The excerpt written back to a CMS: the one an LLM wrote for the brief when there is one, else the summary's
 * sentences while they fit in 300 characters (Ghost's limit for a custom excerpt, and about what listing pages
 * show), at least the first one, cut at a word when it alone is longer.
 */
public final class Excerpt {

    public static final int MAX_CHARS = 300;

    private Excerpt() {
    }

    public static String of(Brief brief) {
        if (brief.excerpt() != null && !brief.excerpt().isBlank()) {
            return brief.excerpt().strip();
        }
        StringBuilder excerpt = new StringBuilder();
        for (Brief.SummarySentence sentence : brief.summary().sentences()) {
            String text = sentence.text().strip();
            int needed = excerpt.length() == 0 ? text.length() : excerpt.length() + 1 + text.length();
            if (needed > MAX_CHARS) {
                break;
            }
            excerpt.append(excerpt.length() == 0 ? "" : " ").append(text);
        }
        if (excerpt.length() > 0) {
            return excerpt.toString();
        }
        String first = brief.summary().sentences().isEmpty() ? brief.headline() : brief.summary().sentences().get(0).text();
        int cut = first.lastIndexOf(' ', MAX_CHARS - 1);
        return first.substring(0, cut > MAX_CHARS / 2 ? cut : MAX_CHARS - 1).stripTrailing() + "…";
    }

    /** The text of an excerpt as a CMS may hold it (HTML-wrapped, padded), for comparison with ours. */
    public static String plain(String stored) {
        if (stored == null) {
            return "";
        }
        return org.jsoup.Jsoup.parse(stored).text().strip();
    }
}

package dev.precis.ingest.page;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the elements that hold the article. Every run of prose scores for the blocks above it, most for its
 * own block and less for each level up, so the element where paragraphs gather scores highest; link-heavy
 * elements and elements named as furniture score less. Then two widenings: when the article is split into
 * several blocks of the same kind (paragraph groups between embeds), the top one is widened to the element
 * holding them all; and siblings of the chosen element that hold prose of their own (a standfirst, a
 * continuation) join it.
 */
final class MainContentFinder {

    /** Runs shorter than this are labels, buttons or links, not prose. */
    private static final int MIN_PROSE_CHARS = 25;
    /** How many levels above a run still receive part of its score. */
    private static final int LEVELS = 5;
    /** A block of the same kind as the top one takes part in the widening from this share of its score. */
    private static final double SAME_KIND_SHARE = 0.2;
    /** A sibling joins from this share of the top score (and at least {@link #SIBLING_MIN_SCORE}). */
    private static final double SIBLING_SHARE = 0.2;
    private static final double SIBLING_MIN_SCORE = 10;
    /** A plain paragraph beside the article joins when it is this long and nearly link-free. */
    private static final int SIBLING_PARAGRAPH_CHARS = 80;
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?。！？](?:\\s|$)");

    private MainContentFinder() {
    }

    /** The elements holding the article in document order, or an empty list when the page has no prose. */
    static List<Element> find(Element body, TextBlocks blocks) {
        for (TextBlocks.Run run : blocks.runs()) {
            if (run.chars() < MIN_PROSE_CHARS) {
                continue;
            }
            double score = (1 + run.commas() + Math.min(run.chars() / 100.0, 3)) * (1 - (double) run.linkChars() / run.chars());
            Element element = run.owner();
            for (int level = 0; element != null && level < LEVELS; level++, element = element.parent()) {
                TextBlocks.Totals totals = blocks.totals(element);
                totals.candidate = true;
                totals.score += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
                if (element == body) {
                    break;
                }
            }
        }
        Element top = null;
        double best = 0;
        for (Map.Entry<Element, TextBlocks.Totals> entry : blocks.all()) {
            if (entry.getValue().candidate) {
                double score = finalScore(entry.getKey(), entry.getValue());
                if (score > best) {
                    best = score;
                    top = entry.getKey();
                }
            }
        }
        if (top == null) {
            return List.of();
        }
        top = widenToSameKind(top, best, body, blocks);
        return withSiblings(top, finalScore(top, blocks.totals(top)), blocks);
    }

    static double finalScore(Element element, TextBlocks.Totals totals) {
        return totals.score * (1 - totals.linkDensity()) * weight(element);
    }

    /** Names and tags say something about an element, but less than its text: a factor, not a bonus. */
    private static double weight(Element element) {
        double weight = switch (ClassSignals.of(element)) {
            case CONTENT -> 1.25;
            case FURNITURE -> 0.5;
            case NEUTRAL -> 1;
        };
        switch (element.normalName()) {
            case "article", "main" -> weight *= 1.1;
            case "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6" -> weight *= 0.8;
            default -> { }
        }
        return weight;
    }

    private static Element widenToSameKind(Element top, double best, Element body, TextBlocks blocks) {
        String kind = kind(top);
        Element common = top;
        for (Map.Entry<Element, TextBlocks.Totals> entry : blocks.all()) {
            Element other = entry.getKey();
            if (other == top || !entry.getValue().candidate || !kind.equals(kind(other))
                    || finalScore(other, entry.getValue()) < SAME_KIND_SHARE * best
                    || isAncestor(top, other) || isAncestor(other, top)) {
                continue;
            }
            common = commonAncestor(common, other);
        }
        return common == null || common == body ? top : common;
    }

    private static String kind(Element element) {
        return element.normalName() + "|" + element.className();
    }

    private static List<Element> withSiblings(Element top, double topScore, TextBlocks blocks) {
        Element parent = top.parent();
        if (parent == null) {
            return List.of(top);
        }
        double threshold = Math.max(SIBLING_MIN_SCORE, topScore * SIBLING_SHARE);
        List<Element> chosen = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == top) {
                chosen.add(sibling);
                continue;
            }
            TextBlocks.Totals totals = blocks.existing(sibling);
            if (totals == null || totals.chars == 0) {
                continue;
            }
            double bonus = !top.className().isEmpty() && sibling.className().equals(top.className()) ? topScore * SIBLING_SHARE : 0;
            if (totals.candidate && finalScore(sibling, totals) + bonus >= threshold) {
                chosen.add(sibling);
            } else if (sibling.normalName().equals("p") && isStandaloneParagraph(sibling, totals)) {
                chosen.add(sibling);
            }
        }
        return chosen;
    }

    /** A long paragraph with few links, or a short one with none that holds a finished sentence. */
    private static boolean isStandaloneParagraph(Element paragraph, TextBlocks.Totals totals) {
        double links = totals.linkDensity();
        if (totals.chars > SIBLING_PARAGRAPH_CHARS) {
            return links < 0.25;
        }
        return links == 0 && SENTENCE_END.matcher(paragraph.text()).find();
    }

    static boolean isAncestor(Element ancestor, Element descendant) {
        for (Element e = descendant.parent(); e != null; e = e.parent()) {
            if (e == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static Element commonAncestor(Element a, Element b) {
        Set<Element> path = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element e = a; e != null; e = e.parent()) {
            path.add(e);
        }
        for (Element e = b; e != null; e = e.parent()) {
            if (path.contains(e)) {
                return e;
            }
        }
        return null;
    }
}

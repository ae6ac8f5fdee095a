package dev.precis.engine.entity;

import dev.precis.engine.text.TextSpan;

/**
 * One occurrence of a name in the text.
 *
 * @param personCue a title, a given name or a speech verb next to it says it is a person
 * @param placeCue  a preposition of place before it ("in Turin") says it is a location
 */
public record EntityMention(String text, TextSpan span, int sentence, EntityType type, boolean personCue,
                            boolean placeCue) {

    public int tokenCount() {
        return text.split(" ").length;
    }

    public String lastWord() {
        return text.substring(text.lastIndexOf(' ') + 1);
    }
}

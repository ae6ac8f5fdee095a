package dev.precis.engine.entity;

import dev.precis.engine.text.TextSpan;

/**
 * One occurrence of a name in the text.
 *
 * @param personCue a title, a given name or a speech verb next to it says it is a person
 * @param placeCue  a preposition of place before it ("in Turin") says it is a location
 * @param derived   a nationality standing for its country ("Iranian officials" mentions Iran); it only
 *                  counts towards a country the text also names
 * @param opensSentence the name is the sentence's first word, where any word has a capital
 */
public record EntityMention(String text, TextSpan span, int sentence, EntityType type, boolean personCue,
                            boolean placeCue, boolean derived, boolean opensSentence) {

    public EntityMention withType(EntityType newType) {
        return new EntityMention(text, span, sentence, newType, personCue, placeCue, derived, opensSentence);
    }

    public String lastWord() {
        return text.substring(text.lastIndexOf(' ') + 1);
    }
}
